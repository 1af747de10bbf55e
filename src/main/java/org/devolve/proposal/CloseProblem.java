package org.devolve.proposal;

import org.devolve.platform.problem.ProblemCode;
import org.devolve.platform.problem.ProblemException;
import org.devolve.tally.InvalidTallyException;

/** Why a proposal that should be decided has no result: its count failed. */
public enum CloseProblem implements ProblemCode {
    COUNT_FAILED(409, "The proposal could not be counted");

    private final int status;
    private final String title;

    CloseProblem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** What a reader of the result gets while the close is stuck: why, since when, and when it is tried again. */
    public static ProblemException countFailed(ProposalViews.Stuck stuck) {
        return ProblemException.of(
                        COUNT_FAILED,
                        "The proposal could not be counted at its close: " + stuck.detail()
                                + ". It stays in voting and is counted again at " + stuck.nextAttemptAt()
                                + "; the service's operators are told which stored row is at fault.")
                .with("reason", stuck.reason())
                .with("since", stuck.since().toString())
                .with("attempts", stuck.attempts())
                .with("nextAttemptAt", stuck.nextAttemptAt().toString());
    }

    /** What a reader of turnout gets when the stored ballots cannot be counted: the engine's reason, no row. */
    public static ProblemException uncountable(InvalidTallyException refused) {
        CountFailure failure = CountFailure.of(refused);
        return ProblemException.of(COUNT_FAILED, "The proposal cannot be counted just now: " + failure.detail())
                .with("reason", failure.reason());
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
