package org.devolve.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.problem.ProblemException;

/**
 * A facilitator of a circle (or an admin) registers an endpoint: its URL (checked by {@link Targets}), the events
 * it wants and a description. The service makes the signing secret, keeps it encrypted, and shows it in this
 * answer only. A circle has at most {@code devolve.webhooks.max-endpoints-per-circle} (counted under an advisory
 * lock of the circle's webhooks, so two registrations at once cannot pass it).
 */
@ApplicationScoped
class RegisterEndpoint {

    private final EndpointRules rules;
    private final WebhookSecrets secrets;
    private final CurrentMember current;
    private final EntityManager em;
    private final Clock clock;
    private final int limit;

    RegisterEndpoint(
            EndpointRules rules,
            WebhookSecrets secrets,
            CurrentMember current,
            EntityManager em,
            Clock clock,
            DevolveConfig config) {
        this.rules = rules;
        this.secrets = secrets;
        this.current = current;
        this.em = em;
        this.clock = clock;
        this.limit = config.webhooks().maxEndpointsPerCircle();
    }

    @Transactional
    WebhookViews.Secret register(String circleRef, WebhookRequests.Register request) {
        CircleSummary circle = rules.managed(circleRef);
        EndpointRules.refuse(rules.violations(request.url(), true, request.events(), true, request.description()));
        lock(em, circle.id());
        long count = WebhookEndpoint.count("circleId", circle.id());
        if (count >= limit) {
            throw ProblemException.of(
                            WebhookProblem.ENDPOINT_LIMIT,
                            "The circle has " + count + " webhook endpoints, the most it may have; delete one first")
                    .with("limit", limit);
        }
        Instant now = clock.instant();
        String secret = secrets.generate();
        WebhookEndpoint e = new WebhookEndpoint();
        e.id = UUID.randomUUID();
        e.circleId = circle.id();
        e.url = request.url().trim();
        e.description =
                request.description() == null ? "" : request.description().trim();
        e.events = EndpointRules.normalised(request.events());
        e.secret = secrets.encrypt(e.id, secret);
        e.enabled = true;
        e.createdBy = current.id();
        e.createdAt = now;
        e.updatedAt = now;
        e.persist();
        return new WebhookViews.Secret(WebhookViews.Endpoint.of(e), secret);
    }

    /** The advisory lock of a circle's webhook endpoints, held to the end of the transaction. */
    static void lock(EntityManager em, UUID circleId) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "devolve.webhooks:" + circleId)
                .getSingleResult();
    }
}
