package org.devolve.platform.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses to start with settings that only development may use: a Keycloak reached over plain http
 * (tokens and passwords in clear) unless {@code devolve.keycloak.allow-http=true}; an invitation key too short
 * to resist guessing (a missing one is refused by the configuration itself, as the ledger's pseudonym key is); a
 * public URL that is not an absolute http(s) URL; mail without the key of its unsubscribe links (only %dev and
 * %test have one by default; {@code devolve.mail.mode} itself has no default in production: SMTP, or an explicit
 * LOG or OFF); a webhook secret key that is not 32 bytes in base64, or is one of the development and test keys of
 * application.properties (the key itself is required: without it the configuration does not load).
 */
@ApplicationScoped
class ProductionChecks {

    static final int MIN_SECRET = 32;

    /** The keys of %dev and %test in application.properties: public, so never a production key. */
    private static final Set<String> KNOWN_KEYS =
            Set.of("ZGV2LW9ubHktd2ViaG9vay1rZXktbm90LWZvci1wcm8=", "dGVzdC1vbmx5LXdlYmhvb2sta2V5LW5vdC00LXByb2Q=");

    void check(@Observes StartupEvent event, DevolveConfig config) {
        webhookKey(config.webhooks().secretKey(), io.quarkus.runtime.LaunchMode.current());
        String url = config.keycloak().url().trim().toLowerCase(Locale.ROOT);
        if (!url.startsWith("https://") && !config.keycloak().allowHttp()) {
            throw new IllegalStateException("devolve.keycloak.url must be an https:// URL ("
                    + config.keycloak().url() + "); set DEVOLVE_KEYCLOAK_ALLOW_HTTP=true only for development");
        }
        if (config.invitations().secret().strip().length() < MIN_SECRET) {
            throw new IllegalStateException("devolve.invitations.secret (DEVOLVE_INVITATIONS_SECRET) must be at least "
                    + MIN_SECRET + " characters");
        }
        String publicUrl = config.web().publicUrl().trim().toLowerCase(Locale.ROOT);
        if (!(publicUrl.startsWith("https://") || publicUrl.startsWith("http://")) || publicUrl.endsWith("/")) {
            throw new IllegalStateException("devolve.web.public-url (DEVOLVE_WEB_PUBLIC_URL) must be an absolute "
                    + "http(s) URL without a trailing slash (" + config.web().publicUrl() + ")");
        }
        if (config.mail().mode() != DevolveConfig.Mail.MailMode.OFF
                && config.mail().unsubscribeKey().filter(k -> !k.isBlank()).isEmpty()) {
            throw new IllegalStateException("devolve.mail.unsubscribe-key is required when mail is on"
                    + " (DEVOLVE_MAIL_UNSUBSCRIBE_KEY); set DEVOLVE_MAIL_MODE=off to send no mail");
        }
    }

    static void webhookKey(String key, io.quarkus.runtime.LaunchMode mode) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "devolve.webhooks.secret-key must be 32 random bytes in base64 (openssl rand -base64 32)");
        }
        if (mode == io.quarkus.runtime.LaunchMode.NORMAL && KNOWN_KEYS.contains(key.trim())) {
            throw new IllegalStateException(
                    "devolve.webhooks.secret-key is a development or test key, which is public; "
                            + "set DEVOLVE_WEBHOOKS_SECRET_KEY to a key of your own (openssl rand -base64 32)");
        }
    }
}
