package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.Violation;
import org.devolve.tally.InvalidTallyException;

/**
 * The lifecycle's transitions, by the author or a facilitator ({@link #change}), or at a deadline by the
 * scheduler ({@link Deadlines}). Each one is checked against the state machine ({@link Phase#next()}) and
 * its preconditions, and written to the ledger:
 * <ul>
 *   <li>to DELIBERATION: the proposal names at least one affected group and its deadlines lie ahead;</li>
 *   <li>to VOTING: no stake challenge is open (stakes freeze from here on);</li>
 *   <li>to CLOSED: the tally is computed from the ledger as it stands, stored with its head, and final.</li>
 * </ul>
 */
@ApplicationScoped
public class ChangePhase {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ChangePhase.class);

    private final ProposalAccess access;
    private final CurrentMember current;
    private final VotingPreconditions preconditions;
    private final Closing closing;
    private final Ledger ledger;
    private final Event<PhaseChanged> changed;
    private final Clock clock;

    ChangePhase(ProposalAccess access, CurrentMember current, VotingPreconditions preconditions, Closing closing,
            Ledger ledger, Event<PhaseChanged> changed, Clock clock) {
        this.access = access;
        this.current = current;
        this.preconditions = preconditions;
        this.closing = closing;
        this.ledger = ledger;
        this.changed = changed;
        this.clock = clock;
    }

    @Transactional
    public Proposal change(String ref, Phase to, String note) {
        Proposal p = access.readableForUpdate(ref);
        if (!access.participation(p).canSteer()) {
            throw ProblemException.forbidden("Only the author and the circle's facilitators change a proposal's phase");
        }
        try {
            transition(p, to, current.id().toString(), "MANUAL", note);
        } catch (InvalidTallyException refused) {
            CountFailure failure = CountFailure.of(refused);
            LOG.warnf("Proposal %s could not be closed by hand: %s", p.id, refused.getMessage());
            throw ProblemException.of(CloseProblem.COUNT_FAILED, "The proposal cannot be counted: " + failure.detail()
                    + ". It stays in voting.").with("reason", failure.reason());
        }
        return p;
    }

    /** The transition itself; the caller holds the proposal's row lock. */
    void transition(Proposal p, Phase to, String actor, String trigger, String note) {
        if (!p.phase.canMoveTo(to)) {
            throw ProblemException.of(ProposalProblem.TRANSITION_NOT_ALLOWED, "A " + name(p.phase)
                    + " proposal cannot become " + name(to) + "; it can become "
                    + (p.phase.next().isEmpty() ? "nothing else" : p.phase.next().stream().map(ChangePhase::name)
                            .reduce((a, b) -> a + " or " + b).orElse("")))
                    .with("phase", p.phase.name());
        }
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("from", p.phase.name());
        payload.put("to", to.name());
        payload.put("trigger", trigger);
        if (note != null && !note.isBlank()) {
            payload.put("note", note.trim());
        }
        switch (to) {
            case DELIBERATION -> {
                List<Violation> missing = ProposalValidator.readyForDeliberation(p, access.groups(p.id).size(), now);
                if (!missing.isEmpty()) {
                    throw ProblemException.invalid(missing);
                }
                p.openedAt = now;
            }
            case VOTING -> {
                long open = preconditions.openChallenges(p.id);
                if (open > 0) {
                    throw ProblemException.of(ProposalProblem.OPEN_CHALLENGES, open + " stake challenge"
                            + (open == 1 ? " is" : "s are") + " still open; a facilitator resolves them first")
                            .with("openChallenges", open);
                }
                p.votingOpenedAt = now;
            }
            case CLOSED -> {
                // microseconds, as the database keeps them: the export is later rebuilt as of this instant
                p.closedAt = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                Closing.Counted counted = closing.count(p);
                p.outcome = counted.outcome();
                p.winner = counted.winner() < 0 ? null : (short) counted.winner();
                payload.put("outcome", counted.outcome());
                if (counted.winner() >= 0) {
                    payload.put("winner", (long) counted.winner());
                }
                payload.put("countedAtSeq", counted.ledgerSeq());
                payload.put("countedAtHead", counted.ledgerHead());
                payload.put("resultSha256", counted.resultSha256());
            }
            default -> {
            }
        }
        Phase from = p.phase;
        p.phase = to;
        p.updatedAt = now;
        ledger.append(p.id, LedgerKind.PHASE_CHANGED, actor, payload);
        changed.fire(new PhaseChanged(p.id, p.circleId, p.title, from, to, p.outcome));
    }

    private static String name(Phase phase) {
        return phase.name().toLowerCase(java.util.Locale.ROOT);
    }
}
