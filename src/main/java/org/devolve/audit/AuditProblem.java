package org.devolve.audit;

import org.devolve.platform.problem.ProblemCode;

enum AuditProblem implements ProblemCode {
    RECEIPT_NOT_FOUND(404, "No entry of this proposal's ledger has this hash");

    private final int status;
    private final String title;

    AuditProblem(int status, String title) {
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
