package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.problem.ProblemException;

/** A member of a circle drafts a proposal for it to decide. Only its author and facilitators see the draft. */
@ApplicationScoped
class CreateProposal {

    private final CircleAccess circles;
    private final CurrentMember current;
    private final ProposalContentWriter writer;
    private final Ledger ledger;
    private final Clock clock;
    private final int minCellVoters;

    CreateProposal(
            CircleAccess circles,
            CurrentMember current,
            ProposalContentWriter writer,
            Ledger ledger,
            Clock clock,
            DevolveConfig config) {
        this.circles = circles;
        this.current = current;
        this.writer = writer;
        this.ledger = ledger;
        this.clock = clock;
        this.minCellVoters = config.results().minCellVoters();
    }

    @Transactional
    Proposal create(String circleRef, ProposalRequests.Content content) {
        CircleSummary circle = circles.byRef(circleRef);
        UUID me = current.id();
        if (!circles.isMember(circle.id(), me) && !current.isAdmin()) {
            throw ProblemException.forbidden("Only members of " + circle.name() + " may propose decisions to it");
        }
        writer.validate(content);
        Instant now = clock.instant();
        Proposal p = new Proposal();
        p.id = UUID.randomUUID();
        p.circleId = circle.id();
        p.authorId = me;
        p.phase = Phase.DRAFT;
        p.createdAt = now;
        p.minCellVoters = (short) minCellVoters;
        writer.apply(p, content, now);
        p.persist();
        writer.replaceChildren(p, content, now);
        ledger.open(p.id);
        ledger.append(
                p.id,
                LedgerKind.PROPOSAL_CREATED,
                me.toString(),
                Map.of("circle", circle.id().toString(), "title", p.title, "method", p.method.name()));
        return p;
    }
}
