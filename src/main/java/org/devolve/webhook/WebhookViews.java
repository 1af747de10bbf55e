package org.devolve.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the webhook API answers. A secret appears only in the answer that made it. */
final class WebhookViews {

    private WebhookViews() {}

    @Schema(name = "WebhookEndpoint")
    record Endpoint(
            UUID id,
            UUID circleId,
            String url,
            String description,
            @Schema(description = "The events it receives") List<String> events,
            boolean enabled,

            @Schema(description = "After a rotation: until when the previous secret also signs", nullable = true)
            Instant previousSecretValidUntil,

            Instant createdAt,
            Instant updatedAt) {

        static Endpoint of(WebhookEndpoint e) {
            return new Endpoint(
                    e.id,
                    e.circleId,
                    e.url,
                    e.description,
                    List.copyOf(e.events),
                    e.enabled,
                    e.previousSecretUntil,
                    e.createdAt,
                    e.updatedAt);
        }
    }

    @Schema(name = "WebhookEndpointList")
    record Endpoints(List<Endpoint> items) {}

    @Schema(name = "WebhookSecret", description = "Shown once: keep it where the receiver verifies signatures")
    record Secret(
            Endpoint endpoint,

            @Schema(description = "whsec_ and base64: the key of the HMAC-SHA-256 signatures", examples = "whsec_...")
            String secret) {}

    @Schema(name = "WebhookDelivery")
    record Delivery(
            UUID id,

            @Schema(description = "The webhook-id header: the same on every attempt and redelivery")
            UUID eventId,

            String eventType,

            @Schema(enumeration = {"PENDING", "SUCCEEDED", "FAILED"})
            String status,

            int attempts,

            @Schema(description = "The last response's status code", nullable = true)
            Integer lastStatusCode,

            @Schema(description = "Why the last attempt failed", nullable = true)
            String lastError,

            @Schema(nullable = true) Instant nextAttemptAt,
            @Schema(nullable = true) Instant lastAttemptAt,
            @Schema(nullable = true) Instant deliveredAt,

            @Schema(description = "A pending delivery is given up (FAILED) after this")
            Instant giveUpAt,

            Instant createdAt) {

        static Delivery of(WebhookDelivery d) {
            return new Delivery(
                    d.id,
                    d.eventId,
                    d.eventType,
                    d.status.name(),
                    d.attempts,
                    d.lastStatusCode,
                    d.lastError,
                    d.nextAttemptAt,
                    d.lastAttemptAt,
                    d.deliveredAt,
                    d.giveUpAt,
                    d.createdAt);
        }
    }
}
