package org.devolve.invitation;

import java.util.UUID;

/**
 * The outbox message {@code invitation-mail}, one per invitation, written in the invitation's transaction; the mail
 * feature sends it. {@code language} is en, fr or de; {@code expiresAt} an ISO-8601 instant.
 */
record InvitationMail(
        UUID invitationId,
        String address,
        String circleName,
        String inviterName,
        String link,
        String language,
        String expiresAt) {

    static final String TOPIC = "invitation-mail";
}
