package org.devolve.circle;

import org.devolve.platform.problem.ProblemCode;

/** Why a circle request was refused. */
enum CircleProblem implements ProblemCode {
    SLUG_TAKEN(409, "Another circle has this slug"),
    CIRCLE_CYCLE(409, "The circles would contain themselves"),
    LAST_FACILITATOR(409, "A circle keeps at least one facilitator"),
    ADMIN_ONLY(403, "Only an admin demotes or removes a facilitator");

    private final int status;
    private final String title;

    CircleProblem(int status, String title) {
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
