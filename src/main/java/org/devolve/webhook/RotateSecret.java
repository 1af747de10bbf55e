package org.devolve.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.devolve.platform.config.DevolveConfig;

/**
 * A facilitator rotates an endpoint's secret: a new one signs from now on, shown in this answer only, and the one
 * it replaces keeps signing beside it (a second {@code v1,} signature in the header) for
 * {@code devolve.webhooks.rotation-grace}, so a receiver can switch to the new one without missing an event. A
 * rotation within the grace period of the previous one drops the oldest secret at once: two sign at most.
 */
@ApplicationScoped
class RotateSecret {

    private final EndpointRules rules;
    private final WebhookSecrets secrets;
    private final Clock clock;
    private final Duration grace;

    RotateSecret(EndpointRules rules, WebhookSecrets secrets, Clock clock, DevolveConfig config) {
        this.rules = rules;
        this.secrets = secrets;
        this.clock = clock;
        this.grace = config.webhooks().rotationGrace();
    }

    @Transactional
    WebhookViews.Secret rotate(String circleRef, String endpointRef) {
        WebhookEndpoint e = rules.endpoint(rules.managed(circleRef), endpointRef);
        WebhookEndpoint.getEntityManager().lock(e, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        WebhookEndpoint.getEntityManager().refresh(e);
        Instant now = clock.instant();
        String secret = secrets.generate();
        if (grace.isZero() || grace.isNegative()) {
            e.previousSecret = null;
            e.previousSecretUntil = null;
        } else {
            e.previousSecret = e.secret;
            e.previousSecretUntil = now.plus(grace);
        }
        e.secret = secrets.encrypt(e.id, secret);
        e.updatedAt = now;
        return new WebhookViews.Secret(WebhookViews.Endpoint.of(e), secret);
    }
}
