package org.devolve.notification;

import org.devolve.platform.problem.ProblemCode;

/** Why a mail request was refused. */
enum MailProblem implements ProblemCode {
    UNSUBSCRIBE_LINK_INVALID(400, "This unsubscribe link is not valid: it was altered, or is not one of ours");

    private final int status;
    private final String title;

    MailProblem(int status, String title) {
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
