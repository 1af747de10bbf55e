package org.devolve.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import org.devolve.platform.outbox.OutboxHandler;

/**
 * Sends an invitation to a circle (topic {@code invitation-mail}, written by the invitation feature in the transaction
 * that creates the invitation): plain text in the invitation's language, its link and when it expires. The
 * address is not a member yet, so the mail has no unsubscribe link (it is one mail, asked for by a person).
 */
@ApplicationScoped
class InvitationMails implements OutboxHandler {

    static final String TOPIC = "invitation-mail";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invitation(
            UUID invitationId,
            String address,
            String circleName,
            String inviterName,
            String link,
            String language,
            String expiresAt) {}

    private final ObjectMapper json;
    private final Postman postman;

    InvitationMails(ObjectMapper json, Postman postman) {
        this.json = json;
        this.postman = postman;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Step handle(Message message) {
        Invitation invitation;
        try {
            invitation = json.readValue(message.payload(), Invitation.class);
        } catch (IOException e) {
            throw new UncheckedIOException("An outbox invitation that cannot be read", e);
        }
        if (invitation.address() == null || invitation.address().isBlank()) {
            return Step.finished();
        }
        String language = MailTexts.language(invitation.language());
        MailTexts.Text text = MailTexts.of(
                language,
                "invitation",
                Map.of(
                        "inviterName", String.valueOf(invitation.inviterName()),
                        "circleName", String.valueOf(invitation.circleName()),
                        "link", String.valueOf(invitation.link()),
                        "expiresAt", MailTexts.when(invitation.expiresAt())));
        postman.send(new Postman.Letter(
                invitation.address(), text.subject(), text.body().replace("\\n", "\n"), null));
        return Step.finished();
    }
}
