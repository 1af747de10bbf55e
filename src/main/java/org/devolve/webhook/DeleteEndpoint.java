package org.devolve.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A facilitator deletes an endpoint, with its delivery log; nothing more is sent to it. */
@ApplicationScoped
class DeleteEndpoint {

    private final EndpointRules rules;

    DeleteEndpoint(EndpointRules rules) {
        this.rules = rules;
    }

    @Transactional
    void delete(String circleRef, String endpointRef) {
        WebhookEndpoint e = rules.endpoint(rules.managed(circleRef), endpointRef);
        WebhookDelivery.delete("endpointId", e.id);
        e.delete();
    }
}
