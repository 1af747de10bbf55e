package org.devolve.invitation;

import org.devolve.platform.problem.FieldCode;

/** Violation codes of invitations. */
enum InvitationField implements FieldCode {
    /** One of the pasted addresses is not an email address (the message names it). */
    INVALID_ADDRESS
}
