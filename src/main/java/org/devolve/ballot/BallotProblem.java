package org.devolve.ballot;

import org.devolve.platform.problem.ProblemCode;

/** Why a ballot was refused. */
enum BallotProblem implements ProblemCode {
    NO_STAKE(409, "Only people with a declared stake above 0 vote"),
    SECRET_BALLOT(403, "Ballots of this proposal are secret"),
    RESULTS_NOT_PUBLIC_YET(409, "Ballots are shown once voting closes");

    private final int status;
    private final String title;

    BallotProblem(int status, String title) {
        this.status = status;
        this.title = title;
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
