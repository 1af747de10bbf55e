package org.devolve.stake;

import org.devolve.platform.problem.ProblemCode;

/** Why a stake or challenge request was refused. */
enum StakeProblem implements ProblemCode {
    STAKE_BUDGET_EXCEEDED(409, "The declaration costs more than the stake budget left"),
    CHALLENGES_DISABLED(409, "This circle does not take challenges"),
    ALREADY_CHALLENGED(409, "You already have an open challenge on this declaration"),
    OWN_DECLARATION(409, "You cannot challenge your own declaration"),
    CHALLENGE_CLOSED(409, "The challenge is already resolved");

    private final int status;
    private final String title;

    StakeProblem(int status, String title) {
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
