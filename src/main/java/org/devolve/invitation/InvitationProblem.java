package org.devolve.invitation;

import org.devolve.platform.problem.ProblemCode;

/** Why an invitation or a join request was refused. */
enum InvitationProblem implements ProblemCode {
    INVITATION_INVALID(400, "This invitation link is not valid"),
    INVITATION_EXPIRED(410, "This invitation has expired"),
    INVITATION_USED(409, "This invitation has already been used"),
    INVITATION_REVOKED(410, "This invitation was revoked"),
    ALREADY_MEMBER(409, "You are already a member of this circle"),
    JOIN_REQUEST_DECIDED(409, "This request to join was already answered");

    private final int status;
    private final String title;

    InvitationProblem(int status, String title) {
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
