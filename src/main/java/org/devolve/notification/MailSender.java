package org.devolve.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.devolve.identity.Member;
import org.devolve.platform.outbox.OutboxHandler;

/**
 * Sends one immediate mail ({@link Mailings.MailJob}), from the outbox: after the change committed, outside every
 * request and proposal lock. The member's choice is read again when sending: a kind turned off in between is not
 * sent. A failing SMTP server throws; the outbox tries again with back-off.
 */
@ApplicationScoped
class MailSender implements OutboxHandler {

    static final String TOPIC = "mail";

    private final ObjectMapper json;
    private final MailSettingsStore settings;
    private final Letters letters;
    private final Postman postman;

    MailSender(ObjectMapper json, MailSettingsStore settings, Letters letters, Postman postman) {
        this.json = json;
        this.settings = settings;
        this.letters = letters;
        this.postman = postman;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Step handle(Message message) {
        Mailings.MailJob job;
        try {
            job = json.readValue(message.payload(), Mailings.MailJob.class);
        } catch (IOException e) {
            throw new UncheckedIOException("An outbox mail that cannot be read", e);
        }
        String address = Member.emails(List.of(job.memberId())).get(job.memberId());
        MailSettingsStore.Settings mine = settings.of(job.memberId());
        if (address == null || mine.mode(job.kind()) == MailMode.OFF || !postman.on()) {
            return Step.finished();
        }
        String language = MailTexts.language(mine.language());
        postman.send(letters.letter(
                address, job.memberId(), language, job.kind(), job.key(), job.proposalId(), job.params()));
        return Step.finished();
    }
}
