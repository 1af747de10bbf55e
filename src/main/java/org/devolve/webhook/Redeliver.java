package org.devolve.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.web.Ids;

/**
 * A facilitator sends a delivery again, whatever its status: it is due at once, with the same body and
 * {@code webhook-id} (a receiver that keeps ids sees a repeat), and gets a new day before it is given up. An
 * attempt in flight is forgotten (its outcome is not recorded), so the delivery may reach the receiver twice.
 */
@ApplicationScoped
class Redeliver {

    private final EndpointRules rules;
    private final Clock clock;
    private final DevolveConfig.Webhooks config;

    Redeliver(EndpointRules rules, Clock clock, DevolveConfig config) {
        this.rules = rules;
        this.clock = clock;
        this.config = config.webhooks();
    }

    @Transactional
    WebhookViews.Delivery redeliver(String circleRef, String endpointRef, String deliveryRef) {
        WebhookEndpoint e = rules.endpoint(rules.managed(circleRef), endpointRef);
        WebhookDelivery d = Ids.parse(deliveryRef)
                .map(id -> WebhookDelivery.<WebhookDelivery>findById(
                        id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .orElse(null);
        if (d == null || !d.endpointId.equals(e.id)) {
            throw ProblemException.notFound("Webhook delivery " + deliveryRef);
        }
        Instant now = clock.instant();
        d.status = WebhookDelivery.Status.PENDING;
        d.nextAttemptAt = now;
        d.giveUpAt = now.plus(config.giveUpAfter());
        d.claim = null;
        d.claimedUntil = null;
        return WebhookViews.Delivery.of(d);
    }
}
