package org.devolve.stake;

import org.devolve.platform.problem.ProblemCode;

/** Why a stake or challenge request was refused. */
enum StakeProblem implements ProblemCode {
    STAKE_BUDGET_EXCEEDED(409, "The declaration costs more than the stake budget left"),
    CHALLENGES_DISABLED(409, "This circle does not take challenges"),
    ALREADY_CHALLENGED(409, "You already have an open challenge on this declaration"),
    OWN_DECLARATION(409, "You cannot challenge your own declaration"),
    CHALLENGE_CLOSED(409, "The challenge is already resolved"),
    OWN_DECLARATION_RULING(403, "A facilitator never rules on a challenge to their own declaration"),
    ALREADY_RULED(409, "Your challenge of this declaration was ruled on, and it has not changed since"),
    LEVEL_LOWERED(409, "A facilitator lowered this declaration; it cannot be declared above that again"),
    DECLARATIONS_CLOSED(409, "New and raised declarations are closed before the deliberation deadline");

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
