package org.devolve.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.devolve.circle.CircleSummary;

/**
 * A facilitator changes an endpoint: its URL (checked as at registration), its events, its description, or
 * disables it (deliveries wait, pending, and go out when it is enabled again, unless they were given up meanwhile)
 * and enables it again. The secret stays; {@link RotateSecret} changes it.
 */
@ApplicationScoped
class EditEndpoint {

    private final EndpointRules rules;
    private final Clock clock;

    EditEndpoint(EndpointRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    WebhookViews.Endpoint change(String circleRef, String endpointRef, WebhookRequests.Change request) {
        CircleSummary circle = rules.managed(circleRef);
        WebhookEndpoint e = rules.endpoint(circle, endpointRef);
        EndpointRules.refuse(rules.violations(
                request.url(),
                request.url() != null,
                request.events(),
                request.events() != null,
                request.description()));
        if (request.url() != null) {
            e.url = request.url().trim();
        }
        if (request.events() != null) {
            e.events = EndpointRules.normalised(request.events());
        }
        if (request.description() != null) {
            e.description = request.description().trim();
        }
        if (request.enabled() != null) {
            e.enabled = request.enabled();
        }
        e.updatedAt = clock.instant();
        return WebhookViews.Endpoint.of(e);
    }
}
