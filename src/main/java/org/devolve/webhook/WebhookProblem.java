package org.devolve.webhook;

import org.devolve.platform.problem.ProblemCode;

/** Why a webhook request was refused. */
enum WebhookProblem implements ProblemCode {
    ENDPOINT_LIMIT(409, "The circle has as many webhook endpoints as it may have");

    private final int status;
    private final String title;

    WebhookProblem(int status, String title) {
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
