package org.devolve.proposal;

import java.time.Instant;
import java.util.Locale;
import org.devolve.platform.problem.ProblemException;

/**
 * What a proposal's phase and deadlines allow, checked at the instant of the request: every feature that acts in a
 * phase (declaring, arguing, voting, delegating, steering) asks here, so the rule "at the deadline's instant it
 * stops, whether or not the scheduler has moved the proposal yet" is written once.
 */
public final class PhaseGuards {

    private PhaseGuards() {}

    /**
     * Throws unless the proposal is in deliberation and its deliberation deadline, if any, is still ahead: at
     * the deadline's instant declarations, challenges and new groups stop, whether or not the scheduler has
     * opened voting yet.
     */
    public static void requireDeliberating(Proposal p, Instant now, String action) {
        requirePhase(p, action, Phase.DELIBERATION);
        if (p.deliberationEndsAt != null && !now.isBefore(p.deliberationEndsAt)) {
            throw ProblemException.of(
                            ProposalProblem.DELIBERATION_ENDED,
                            "Deliberation ended at " + p.deliberationEndsAt + "; you can no longer " + action)
                    .with("deliberationEndsAt", p.deliberationEndsAt.toString());
        }
    }

    /**
     * Throws once the voting deadline has passed: at its instant, ballots, delegations and deadline changes stop,
     * whether or not the scheduler has closed the proposal yet.
     */
    public static void requireVotingNotEnded(Proposal p, Instant now, String action) {
        if (p.votingEndsAt != null && !now.isBefore(p.votingEndsAt)) {
            throw ProblemException.of(
                            ProposalProblem.VOTING_CLOSED,
                            "Voting ended at " + p.votingEndsAt + "; you can no longer " + action)
                    .with("votingEndsAt", p.votingEndsAt.toString());
        }
    }

    /** Throws WRONG_PHASE unless the proposal is in one of the phases. */
    public static void requirePhase(Proposal p, String action, Phase... phases) {
        for (Phase phase : phases) {
            if (p.phase == phase) {
                return;
            }
        }
        throw ProblemException.of(
                        ProposalProblem.WRONG_PHASE,
                        "You cannot " + action + " while the proposal is "
                                + p.phase.name().toLowerCase(Locale.ROOT))
                .with("phase", p.phase.name());
    }
}
