package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.Violation;
import org.devolve.platform.problem.ViolationCode;

/**
 * The deadlines of a proposal move: in the draft, by its author or a facilitator; once open, by a facilitator
 * alone, each while it lies ahead, never after the vote has ended, and the end of an open vote never removed.
 */
@ApplicationScoped
class ChangeDeadlines {

    private final Steerable steerable;
    private final CurrentMember current;
    private final Ledger ledger;
    private final Clock clock;

    ChangeDeadlines(Steerable steerable, CurrentMember current, Ledger ledger, Clock clock) {
        this.steerable = steerable;
        this.current = current;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Sets both deadlines. In a draft, anything goes that is in order. Once open: a deadline is moved only while it
     * lies ahead (a passed one stays as it is, and a new one must lie ahead); nothing moves at or after the end of
     * the vote; once voting is open its end can be moved but not removed, and the end of deliberation is history.
     */
    @Transactional
    Proposal change(String ref, ProposalRequests.Deadlines deadlines) {
        Proposal p = steerable.lock(
                ref,
                Participation.Steering.CHANGE_DEADLINES,
                "change the deadlines",
                Phase.DRAFT,
                Phase.DELIBERATION,
                Phase.VOTING);
        Instant now = clock.instant();
        Instant deliberation = p.phase == Phase.VOTING && deadlines.deliberationEndsAt() == null
                ? p.deliberationEndsAt
                : deadlines.deliberationEndsAt();
        Instant voting = deadlines.votingEndsAt();
        if (p.phase != Phase.DRAFT) {
            PhaseGuards.requireVotingNotEnded(p, now, "change the deadlines");
            boolean over =
                    p.phase == Phase.VOTING || p.deliberationEndsAt != null && !now.isBefore(p.deliberationEndsAt);
            if (over && changed(p.deliberationEndsAt, deliberation)) {
                throw ProblemException.of(
                                ProposalProblem.DEADLINE_PASSED,
                                "Deliberation "
                                        + (p.phase == Phase.VOTING ? "is over" : "ended at " + p.deliberationEndsAt)
                                        + ": its deadline stays as it is; a deadline is moved only while it lies ahead")
                        .with("deadline", "deliberationEndsAt");
            }
            if (p.phase == Phase.VOTING && p.votingEndsAt != null && voting == null) {
                throw ProblemException.of(
                                ProposalProblem.DEADLINE_REQUIRED,
                                "Voting is open until " + p.votingEndsAt + ": its end can be moved, not removed")
                        .with("deadline", "votingEndsAt");
            }
        }
        List<Violation> violations = new ArrayList<>();
        if (p.phase != Phase.DRAFT) {
            if (changed(p.deliberationEndsAt, deliberation) && deliberation != null && !deliberation.isAfter(now)) {
                violations.add(new Violation("deliberationEndsAt", ViolationCode.IN_THE_PAST, "must be in the future"));
            }
            if (changed(p.votingEndsAt, voting) && voting != null && !voting.isAfter(now)) {
                violations.add(new Violation("votingEndsAt", ViolationCode.IN_THE_PAST, "must be in the future"));
            }
        }
        if (deliberation != null && voting != null && !voting.isAfter(deliberation)) {
            violations.add(new Violation(
                    "votingEndsAt", ProposalField.BEFORE_DELIBERATION_ENDS, "must be after deliberationEndsAt"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        p.deliberationEndsAt = deliberation;
        p.votingEndsAt = voting;
        p.updatedAt = now;
        if (p.phase != Phase.DRAFT) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("deliberationEndsAt", p.deliberationEndsAt == null ? null : p.deliberationEndsAt.toString());
            payload.put("votingEndsAt", p.votingEndsAt == null ? null : p.votingEndsAt.toString());
            ledger.append(p.id, LedgerKind.DEADLINES_CHANGED, current.id().toString(), payload);
        }
        return p;
    }

    private static boolean changed(Instant current, Instant requested) {
        return !Objects.equals(current, requested);
    }
}
