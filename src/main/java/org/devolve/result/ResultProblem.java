package org.devolve.result;

import org.devolve.platform.problem.ProblemCode;

enum ResultProblem implements ProblemCode {
    RESULT_NOT_AVAILABLE(409, "No result to show yet");

    private final int status;
    private final String title;

    ResultProblem(int status, String title) {
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
