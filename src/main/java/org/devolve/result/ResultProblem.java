package org.devolve.result;

import org.devolve.platform.problem.ProblemCode;

enum ResultProblem implements ProblemCode {
    RESULT_NOT_AVAILABLE(409, "No result to show yet"),
    RECEIPT_NOT_FOUND(404, "No entry of this proposal's ledger has this hash");

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
