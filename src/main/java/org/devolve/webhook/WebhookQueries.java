package org.devolve.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.devolve.circle.CircleSummary;
import org.devolve.platform.paging.Keyset;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;

/**
 * A circle's endpoints (for its facilitators; a circle has at most a handful, so they come in one list, oldest
 * first) and an endpoint's delivery log, newest first, paged.
 */
@ApplicationScoped
class WebhookQueries {

    private final EntityManager em;
    private final EndpointRules rules;

    WebhookQueries(EntityManager em, EndpointRules rules) {
        this.em = em;
        this.rules = rules;
    }

    @Transactional
    WebhookViews.Endpoints endpoints(String circleRef) {
        CircleSummary circle = rules.managed(circleRef);
        return new WebhookViews.Endpoints(em.createQuery(
                        "select e from WebhookEndpoint e where e.circleId = :circle order by e.createdAt, e.id",
                        WebhookEndpoint.class)
                .setParameter("circle", circle.id())
                .getResultStream()
                .map(WebhookViews.Endpoint::of)
                .toList());
    }

    @Transactional
    WebhookViews.Endpoint endpoint(String circleRef, String endpointRef) {
        return WebhookViews.Endpoint.of(rules.endpoint(rules.managed(circleRef), endpointRef));
    }

    @Transactional
    Page<WebhookViews.Delivery> deliveries(
            String circleRef, String endpointRef, WebhookDelivery.Status status, PageRequest page) {
        WebhookEndpoint e = rules.endpoint(rules.managed(circleRef), endpointRef);
        Keyset<WebhookDelivery> query =
                Keyset.of(em, WebhookDelivery.class, "d").where("d.endpointId = :endpoint", "endpoint", e.id);
        if (status != null) {
            query.where("d.status = :status", "status", status);
        }
        return query.orderBy(Keyset.Key.instant("d.createdAt"), Keyset.Order.DESC)
                .thenBy("d.id", d -> d.id, Keyset.Order.DESC)
                .fetch(page)
                .as(WebhookViews.Delivery::of);
    }
}
