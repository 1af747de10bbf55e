package org.devolve.platform.events;

import org.devolve.platform.problem.ProblemCode;

/** Why a live stream was refused. */
public enum LiveProblem implements ProblemCode {
    TOO_MANY_STREAMS(429, "Too many live streams open");

    private final int status;
    private final String title;

    LiveProblem(int status, String title) {
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
