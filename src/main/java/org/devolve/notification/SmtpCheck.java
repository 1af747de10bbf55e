package org.devolve.notification;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.devolve.platform.config.DevolveConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * At start-up in SMTP mode, checks on a thread of its own (so as not to hold the start-up) that the SMTP server
 * answers with its greeting, and says so in the log. One that does not answer is a warning naming host and port
 * (the host is localhost unless {@code quarkus.mailer.host} says otherwise: a local relay is a fair set-up, so it is
 * not refused), not a refusal to start: the mails wait in the outbox and go out once it answers, and a mail outage
 * must not stop people from deciding.
 */
@ApplicationScoped
class SmtpCheck {

    private static final Logger LOG = Logger.getLogger(SmtpCheck.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    void check(@Observes StartupEvent event, DevolveConfig config) {
        if (config.mail().mode() != DevolveConfig.Mail.MailMode.SMTP) {
            return;
        }
        var settings = ConfigProvider.getConfig();
        String host =
                settings.getOptionalValue("quarkus.mailer.host", String.class).orElse("localhost");
        boolean tls =
                settings.getOptionalValue("quarkus.mailer.tls", Boolean.class).orElse(false);
        // Vert.x's mail client connects to 25 when no port is given, TLS or not
        int port =
                settings.getOptionalValue("quarkus.mailer.port", Integer.class).orElse(25);
        Thread probe = new Thread(
                () -> problem(host, port, tls, TIMEOUT)
                        .ifPresentOrElse(
                                p -> LOG.warnf(
                                        "The SMTP server %s:%d %s; mails wait in the outbox until it answers"
                                                + " (QUARKUS_MAILER_HOST, QUARKUS_MAILER_PORT)",
                                        host, port, p),
                                () -> LOG.infof("The SMTP server %s:%d answers", host, port)),
                "devolve-smtp-check");
        probe.setDaemon(true);
        probe.start();
    }

    /**
     * What is wrong with the SMTP server at host:port, if anything: it cannot be reached, or (without TLS, where
     * the greeting is readable before the handshake) it does not greet with 220 within the timeout.
     */
    static Optional<String> problem(String host, int port, boolean tls, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            if (tls) {
                return Optional.empty();
            }
            socket.setSoTimeout((int) timeout.toMillis());
            String greeting = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (greeting == null || !greeting.startsWith("220")) {
                return Optional.of("does not greet as an SMTP server does ("
                        + (greeting == null
                                ? "it closed"
                                : "«" + greeting.substring(0, Math.min(greeting.length(), 80)) + "»")
                        + ")");
            }
            return Optional.empty();
        } catch (SocketTimeoutException e) {
            return Optional.of("sends no greeting within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return Optional.of("cannot be reached (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
