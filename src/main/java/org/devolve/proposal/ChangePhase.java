package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.devolve.circle.CircleAccess;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.Violation;
import org.devolve.tally.InvalidTallyException;
import org.devolve.tally.io.LedgerReplay;

/**
 * The lifecycle's transitions, by hand ({@link #change}: see {@link Participation} for who makes which), or at
 * a deadline by the scheduler ({@link Deadlines}). Each one is checked against the state machine
 * ({@link Phase#next()}) and its preconditions, and written to the ledger:
 * <ul>
 *   <li>to DELIBERATION: the proposal names at least one affected group and its deadlines lie ahead;</li>
 *   <li>to VOTING: its end, if set, lies ahead, and no stake challenge is open (stakes freeze from here on);
 *       declarations made or raised within the circle's challenge window before this instant are marked
 *       late, since nobody had that long to challenge them;</li>
 *   <li>to CLOSED: the tally is computed from the ledger as it stands, stored with its head, and final.</li>
 * </ul>
 */
@ApplicationScoped
public class ChangePhase {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ChangePhase.class);

    private final Proposals access;
    private final ProposalPolicy policy;
    private final CurrentMember current;
    private final VotingPreconditions preconditions;
    private final LateDeclarations lateDeclarations;
    private final CircleAccess circles;
    private final Closing closing;
    private final Electorate electorate;
    private final Ledger ledger;
    private final Event<PhaseChanged> changed;
    private final Clock clock;

    ChangePhase(
            Proposals access,
            ProposalPolicy policy,
            CurrentMember current,
            VotingPreconditions preconditions,
            LateDeclarations lateDeclarations,
            CircleAccess circles,
            Closing closing,
            Electorate electorate,
            Ledger ledger,
            Event<PhaseChanged> changed,
            Clock clock) {
        this.access = access;
        this.policy = policy;
        this.current = current;
        this.preconditions = preconditions;
        this.lateDeclarations = lateDeclarations;
        this.circles = circles;
        this.closing = closing;
        this.electorate = electorate;
        this.ledger = ledger;
        this.changed = changed;
        this.clock = clock;
    }

    /**
     * A move by hand. Facilitators of the deciding circle make every move; the author, while a member of that
     * circle, opens deliberation and withdraws. The moves the lifecycle does not have are refused as such
     * (409) before the question of who may make them.
     */
    @Transactional
    public Proposal change(String ref, Phase to, String note) {
        Proposal p = access.readableForUpdate(ref);
        Participation who = policy.participation(p);
        ProposalPolicy.requireSteerer(who, "change the proposal's phase");
        requireTransition(p, to);
        ProposalPolicy.requireSteering(
                p,
                who,
                Participation.Steering.toward(to),
                switch (to) {
                    case VOTING -> "open voting before its deadline";
                    case CLOSED -> "close voting before its deadline";
                    case WITHDRAWN -> "withdraw the proposal";
                    default -> "open deliberation";
                });
        try {
            transition(p, to, current.id().toString(), "MANUAL", note);
        } catch (InvalidTallyException refused) {
            CountFailure failure = CountFailure.of(refused);
            LOG.warnf("Proposal %s could not be closed by hand: %s", p.id, refused.getMessage());
            throw ProblemException.of(
                            CloseProblem.COUNT_FAILED,
                            "The proposal cannot be counted: " + failure.detail() + ". It stays in voting.")
                    .with("reason", failure.reason());
        }
        return p;
    }

    /** The transition itself; the caller holds the proposal's row lock. */
    void transition(Proposal p, Phase to, String actor, String trigger, String note) {
        requireTransition(p, to);
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
                List<AffectedGroup> groups = access.groups(p.id);
                List<Violation> missing = ProposalValidator.readyForDeliberation(p, groups.size(), now);
                if (!missing.isEmpty()) {
                    throw ProblemException.invalid(missing);
                }
                p.openedAt = now;
                // the rules and groups deliberation opens with, frozen in the ledger: a recount from the ledger
                // checks the published tally document against them
                payload.put("ledgerFormat", (long) LedgerReplay.FORMAT);
                payload.put("rules", LedgerRules.rules(p, access.options(p.id)));
                payload.put("groups", LedgerRules.groups(groups));
            }
            case VOTING -> {
                if (p.votingEndsAt != null && !now.isBefore(p.votingEndsAt)) {
                    throw ProblemException.of(
                                    ProposalProblem.VOTING_CLOSED,
                                    "Voting was to end at " + p.votingEndsAt
                                            + ": it can no longer open; withdraw the proposal and propose it again")
                            .with("votingEndsAt", p.votingEndsAt.toString());
                }
                long open = preconditions.openChallenges(p.id);
                if (open > 0) {
                    throw ProblemException.of(
                                    ProposalProblem.OPEN_CHALLENGES,
                                    open + " stake challenge" + (open == 1 ? " is" : "s are")
                                            + " still open; a facilitator resolves them first")
                            .with("openChallenges", open);
                }
                p.votingOpenedAt = now;
                p.lateDeclarations = Math.toIntExact(lateDeclarations.markLate(
                        p.id, now.minus(circles.policy(p.circleId).challengeWindow())));
                payload.put("lateDeclarations", (long) p.lateDeclarations);
                // the electorate voting freezes: the recount from the ledger replays the declarations and checks it
                Electorate.Digest frozen = electorate.digest(p.id);
                payload.put("electorate", Map.of("declarations", frozen.declarations(), "sha256", frozen.sha256()));
            }
            case CLOSED -> {
                // microseconds, as the database keeps them: the export is later rebuilt as of this instant
                p.closedAt = now.truncatedTo(ChronoUnit.MICROS);
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
                payload.put("documentSha256", counted.documentSha256());
                payload.put("delegationsAsOf", counted.asOf().toString());
            }
            default -> {}
        }
        Phase from = p.phase;
        p.phase = to;
        p.updatedAt = now;
        ledger.append(p.id, LedgerKind.PHASE_CHANGED, actor, payload);
        changed.fire(new PhaseChanged(p.id, p.circleId, p.title, from, to, p.outcome));
    }

    private static void requireTransition(Proposal p, Phase to) {
        if (!p.phase.canMoveTo(to)) {
            throw ProblemException.of(
                            ProposalProblem.TRANSITION_NOT_ALLOWED,
                            "A " + name(p.phase)
                                    + " proposal cannot become " + name(to) + "; it can become "
                                    + (p.phase.next().isEmpty()
                                            ? "nothing else"
                                            : p.phase.next().stream()
                                                    .map(ChangePhase::name)
                                                    .reduce((a, b) -> a + " or " + b)
                                                    .orElse("")))
                    .with("phase", p.phase.name());
        }
    }

    private static String name(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT);
    }
}
