package org.devolve.stake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.notification.NoticeKind;
import org.devolve.notification.Notices;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.ViolationCode;
import org.devolve.proposal.AffectedGroup;
import org.devolve.proposal.Phase;
import org.devolve.proposal.PhaseGuards;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.ProposalPolicy;
import org.devolve.proposal.Proposals;
import org.devolve.webhook.WebhookEventType;
import org.devolve.webhook.Webhooks;

/**
 * A facilitator of the deciding circle (or an admin) resolves a challenge: the declaration is upheld, or
 * lowered to a level below its current one. Lowering also lowers its cost against the stake budget, and stands:
 * the declarant cannot declare above it again. Nobody rules on a challenge to their own declaration.
 * {@link #upholdAll} dismisses every open challenge at once, with a reason, so that voting can open.
 */
@ApplicationScoped
class ResolveChallenge {

    private final Proposals proposals;
    private final ProposalPolicy policy;
    private final CurrentMember current;
    private final Ledger ledger;
    private final Clock clock;
    private final Notices notices;
    private final Webhooks webhooks;

    ResolveChallenge(
            Proposals proposals,
            ProposalPolicy policy,
            CurrentMember current,
            Ledger ledger,
            Clock clock,
            Notices notices,
            Webhooks webhooks) {
        this.notices = notices;
        this.webhooks = webhooks;
        this.proposals = proposals;
        this.policy = policy;
        this.current = current;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    StakeChallenge resolve(String proposalRef, String challengeRef, StakeRequests.Resolve request) {
        Proposal p = resolvable(proposalRef);
        StakeChallenge c = AnswerChallenge.find(p, challengeRef);
        if (c.status != ChallengeStatus.OPEN) {
            throw ProblemException.of(StakeProblem.CHALLENGE_CLOSED, "The challenge is already resolved");
        }
        Stake stake = Stake.findById(c.stakeId);
        if (stake.memberId.equals(current.id())) {
            throw ProblemException.of(
                    StakeProblem.OWN_DECLARATION_RULING,
                    "This challenge doubts your own "
                            + "declaration: another facilitator of the circle, or an admin, rules on it");
        }
        if (request.decision() == StakeRequests.Decision.LOWER) {
            if (request.level() == null) {
                throw ProblemException.invalid("level", ViolationCode.REQUIRED, "LOWER needs the new level");
            }
            if (request.level() >= stake.level) {
                throw ProblemException.invalid(
                        "level", StakeField.NOT_LOWER, "must be below the current level, " + stake.level);
            }
            AffectedGroup group = AffectedGroup.findById(stake.groupId);
            stake.level = request.level().shortValue();
            stake.levelAllowed = stake.levelAllowed == null || stake.level < stake.levelAllowed
                    ? Short.valueOf(stake.level)
                    : stake.levelAllowed;
            stake.flagged = stake.level > group.suggestedLevel;
            stake.updatedAt = clock.instant();
            close(p, c, ChallengeStatus.LOWERED, stake, request.note());
        } else {
            if (request.level() != null) {
                throw ProblemException.invalid("level", ViolationCode.NOT_ALLOWED, "only LOWER takes a level");
            }
            close(p, c, ChallengeStatus.UPHELD, stake, request.note());
        }
        return c;
    }

    /** How many open challenges a dismissal resolved, and how many it left open (those to the caller's own declarations). */
    record Dismissal(int resolved, int leftOpen) {}

    /**
     * Dismisses every open challenge at once, with a reason that goes to the ledger with each: the declarations
     * stand, and voting can open. Challenges to the caller's own declaration stay open, for another facilitator or
     * an admin.
     */
    @Transactional
    Dismissal upholdAll(String proposalRef, String reason) {
        Proposal p = resolvable(proposalRef);
        List<StakeChallenge> open =
                StakeChallenge.list("proposalId = ?1 and status = ?2 order by createdAt", p.id, ChallengeStatus.OPEN);
        int resolved = 0;
        for (StakeChallenge c : open) {
            Stake stake = Stake.findById(c.stakeId);
            if (!stake.memberId.equals(current.id())) {
                close(p, c, ChallengeStatus.UPHELD, stake, reason);
                resolved++;
            }
        }
        return new Dismissal(resolved, open.size() - resolved);
    }

    private void close(Proposal p, StakeChallenge c, ChallengeStatus status, Stake stake, String note) {
        Instant now = clock.instant();
        c.status = status;
        c.resolvedBy = current.id();
        c.resolvedLevel = stake.level;
        c.resolutionNote = note == null || note.isBlank() ? null : note.trim();
        c.resolvedAt = now;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("challenge", c.id.toString());
        payload.put("stake", stake.id.toString());
        payload.put("decision", status.name());
        payload.put("level", (long) stake.level);
        if (c.resolutionNote != null) {
            payload.put("note", c.resolutionNote);
        }
        ledger.append(p.id, LedgerKind.CHALLENGE_RESOLVED, current.id().toString(), payload);
        Set<UUID> told = new LinkedHashSet<>(List.of(stake.memberId, c.challengerId));
        told.remove(current.id());
        notices.tell(
                NoticeKind.CHALLENGE_RESOLVED,
                p.id,
                p.circleId,
                Map.of("title", p.title, "ruling", status.name(), "level", Short.toString(stake.level)),
                "A challenge on “" + p.title + "” was ruled on: "
                        + (status == ChallengeStatus.LOWERED
                                ? "the declaration was lowered to " + stake.level
                                : "the declaration stands at " + stake.level),
                told,
                stake.memberId);
        if (webhooks.wanted(p.circleId, WebhookEventType.CHALLENGE_RESOLVED)) {
            webhooks.publish(
                    p.circleId, WebhookEventType.CHALLENGE_RESOLVED, Webhook.challenge(webhooks, p, c, stake, status));
        }
    }

    private Proposal resolvable(String proposalRef) {
        Proposal p = proposals.readableForUpdate(proposalRef);
        if (!policy.participation(p).canResolveChallenges()) {
            throw ProblemException.forbidden("Only facilitators of the deciding circle and admins resolve challenges");
        }
        PhaseGuards.requirePhase(p, "resolve a challenge", Phase.DELIBERATION);
        return p;
    }
}
