package org.devolve.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.devolve.platform.config.DevolveConfig;
import org.jboss.logging.Logger;

/**
 * Hands one mail to the SMTP server (quarkus-mailer, {@code quarkus.mailer.*}), or to the log in LOG mode. Called
 * only by outbox handlers: never in a request, never under a proposal's lock; a server that fails or hangs makes
 * the handler throw and the outbox try again later (quarkus.mailer timeouts bound the wait).
 */
@ApplicationScoped
class Postman {

    private static final Logger LOG = Logger.getLogger(Postman.class);

    /** A plain-text mail; {@code unsubscribe}: the one-click link of its kind, or null (an invitation). */
    record Letter(String to, String subject, String text, String unsubscribe) {}

    private final Mailer mailer;
    private final DevolveConfig config;

    Postman(Mailer mailer, DevolveConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    boolean on() {
        return config.mail().mode() != DevolveConfig.Mail.MailMode.OFF;
    }

    void send(Letter letter) {
        switch (config.mail().mode()) {
            case OFF -> {}
            case LOG ->
                LOG.infof(
                        "Mail (LOG mode, not sent) to %s%nSubject: %s%nList-Unsubscribe: %s%n%n%s",
                        letter.to(), letter.subject(), letter.unsubscribe(), letter.text());
            case SMTP -> {
                Mail mail = Mail.withText(letter.to(), letter.subject(), letter.text())
                        .setFrom(config.mail().from());
                if (letter.unsubscribe() != null) {
                    // RFC 8058: a mail client's one-click unsubscribe POSTs "List-Unsubscribe=One-Click" to the URL
                    mail.addHeader("List-Unsubscribe", "<" + letter.unsubscribe() + ">");
                    mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                }
                mailer.send(mail);
            }
        }
    }
}
