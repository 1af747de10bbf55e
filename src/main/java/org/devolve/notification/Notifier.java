package org.devolve.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.proposal.Phase;
import org.devolve.proposal.PhaseChanged;
import org.devolve.proposal.ProposalAccess;
import org.devolve.proposal.VotingDelayed;

/**
 * Writes the in-app notifications (no email yet), in the transaction of the change they announce:
 * members of the deciding circle and of every affected circle hear when deliberation opens, when voting
 * opens and when the result is out; facilitators hear when voting is held up by open challenges.
 */
@ApplicationScoped
class Notifier {

    private final EntityManager em;
    private final CircleAccess circles;
    private final ProposalAccess proposals;
    private final Clock clock;

    Notifier(EntityManager em, CircleAccess circles, ProposalAccess proposals, Clock clock) {
        this.em = em;
        this.circles = circles;
        this.proposals = proposals;
        this.clock = clock;
    }

    void onPhaseChanged(@Observes PhaseChanged change) {
        String text = switch (change.to()) {
            case DELIBERATION -> "“" + change.title() + "” is open for deliberation: say how much it affects you";
            case VOTING -> "Voting is open on “" + change.title() + "”";
            case CLOSED -> "“" + change.title() + "” is decided: " + describe(change.outcome());
            case WITHDRAWN -> "“" + change.title() + "” was withdrawn";
            default -> null;
        };
        if (text == null || change.from() == Phase.DRAFT && change.to() == Phase.WITHDRAWN) {
            return;
        }
        Set<UUID> circleIds = new LinkedHashSet<>(proposals.affectedCircles(change.proposalId()));
        circleIds.add(change.circleId());
        Set<UUID> recipients = new LinkedHashSet<>(circles.memberIds(circleIds));
        String kind = "PROPOSAL_" + change.to().name();
        insert(recipients, kind, change.proposalId(), change.circleId(), text);
    }

    void onVotingDelayed(@Observes VotingDelayed delayed) {
        long already = em.createQuery("select count(n) from Notification n where n.proposalId = :p and n.kind = :k",
                Long.class).setParameter("p", delayed.proposalId()).setParameter("k", "VOTING_DELAYED")
                .getSingleResult();
        if (already > 0) {
            return;
        }
        Set<UUID> facilitators = new LinkedHashSet<>(circles.facilitatorIds(delayed.circleId()));
        insert(facilitators, "VOTING_DELAYED", delayed.proposalId(), delayed.circleId(),
                "Voting on “" + delayed.title() + "” is due but " + delayed.openChallenges()
                        + " stake challenge(s) are open: resolve them to open voting");
    }

    private void insert(Set<UUID> recipients, String kind, UUID proposal, UUID circle, String text) {
        var now = clock.instant();
        for (UUID member : recipients) {
            Notification n = new Notification();
            n.id = UUID.randomUUID();
            n.memberId = member;
            n.kind = kind;
            n.proposalId = proposal;
            n.circleId = circle;
            n.text = text;
            n.createdAt = now;
            em.persist(n);
        }
    }

    private static String describe(String outcome) {
        if (outcome == null) {
            return "see the result";
        }
        return switch (outcome) {
            case "ADOPTED" -> "adopted";
            case "REJECTED" -> "rejected";
            case "NO_QUORUM" -> "no quorum was reached";
            default -> "see the result";
        };
    }
}
