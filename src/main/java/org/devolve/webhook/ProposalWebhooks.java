package org.devolve.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.devolve.ledger.Ledger;
import org.devolve.proposal.Phase;
import org.devolve.proposal.PhaseChanged;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;

/**
 * A proposal's moves that its deciding circle's endpoints hear of: deliberation opens, voting opens, it closes
 * (with its result and the ledger's head after the close), it is withdrawn once open (a draft withdrawn was never
 * public). Heard in the phase change's transaction (the event is synchronous), so the event exists if and only if
 * the change commits; what it costs the change is a lookup of the circle's endpoints and, when some want it, one
 * outbox row.
 */
@ApplicationScoped
class ProposalWebhooks {

    private final Webhooks webhooks;
    private final Proposals proposals;
    private final Ledger ledger;
    private final ClosedResults results;

    ProposalWebhooks(Webhooks webhooks, Proposals proposals, Ledger ledger, ClosedResults results) {
        this.webhooks = webhooks;
        this.proposals = proposals;
        this.ledger = ledger;
        this.results = results;
    }

    void onPhaseChanged(@Observes PhaseChanged change) {
        WebhookEventType type = switch (change.to()) {
            case DELIBERATION -> WebhookEventType.PROPOSAL_DELIBERATION_OPENED;
            case VOTING -> WebhookEventType.PROPOSAL_VOTING_OPENED;
            case CLOSED -> WebhookEventType.PROPOSAL_CLOSED;
            case WITHDRAWN -> change.from() == Phase.DRAFT ? null : WebhookEventType.PROPOSAL_WITHDRAWN;
            default -> null;
        };
        if (type == null || !webhooks.wanted(change.circleId(), type)) {
            return;
        }
        Proposal p = proposals.byId(change.proposalId());
        String at = "/api/v1/proposals/" + p.id;
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("id", p.id.toString());
        proposal.put("circleId", p.circleId.toString());
        proposal.put("title", p.title);
        proposal.put("method", p.method.name());
        proposal.put("secret", p.secret);
        proposal.put("from", change.from().name());
        proposal.put("phase", change.to().name());
        proposal.put("deliberationEndsAt", p.deliberationEndsAt == null ? null : p.deliberationEndsAt.toString());
        proposal.put("votingEndsAt", p.votingEndsAt == null ? null : p.votingEndsAt.toString());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("proposal", webhooks.link(at));
        links.put("ledger", webhooks.link(at + "/ledger"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("proposal", proposal);
        if (type == WebhookEventType.PROPOSAL_CLOSED) {
            links.put("result", webhooks.link(at + "/result"));
            links.put("export", webhooks.link(at + "/export.json"));
            links.put("verify", webhooks.link(at + "/ledger/verify"));
            results.of(p.id).ifPresent(r -> data.put("result", result(r)));
            Ledger.Head head = ledger.head(p.id);
            data.put("ledgerHead", Map.of("seq", head.seq(), "hash", head.hash()));
        }
        data.put("links", links);
        webhooks.publish(p.circleId, type, data);
    }

    private static Map<String, Object> result(ClosedResults.Summary r) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("outcome", r.outcome());
        result.put("winner", r.winner());
        result.put("method", r.method());
        result.put("options", r.options());
        result.put("totals", r.totals());
        result.put("turnout", r.turnout());
        result.put("voters", r.voters());
        result.put("countedAtSeq", r.countedAtSeq());
        result.put("countedAtHead", r.countedAtHead());
        result.put("resultSha256", r.resultSha256());
        return result;
    }
}
