package org.devolve.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.outbox.OutboxHandler;

/**
 * Makes an event's deliveries, one per endpoint of the circle that is enabled and wants the event when the
 * message is handled (an endpoint registered a moment after the change may receive it). It runs in the outbox
 * worker's transaction, so the rows are written exactly once; each is due at once and given up
 * {@code devolve.webhooks.give-up-after} later. A circle has few endpoints, so one step does them all.
 */
@ApplicationScoped
class FanOut implements OutboxHandler {

    static final String TOPIC = "webhook";

    /** One event as the change wrote it: its id (the {@code webhook-id} of every delivery), type, circle and body. */
    record Event(UUID id, String type, UUID circleId, String body) {}

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration giveUpAfter;

    FanOut(EntityManager em, ObjectMapper json, Clock clock, DevolveConfig config) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.giveUpAfter = config.webhooks().giveUpAfter();
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Step handle(Message message) {
        Event event;
        try {
            event = json.readValue(message.payload(), Event.class);
        } catch (IOException e) {
            throw new UncheckedIOException("A webhook event that cannot be read", e);
        }
        Instant now = clock.instant();
        em.createNativeQuery("""
                insert into webhook_delivery
                    (id, endpoint_id, event_id, event_type, body, status, attempts, next_attempt_at, give_up_at,
                     created_at)
                select gen_random_uuid(), e.id, :event, :type, :body, 'PENDING', 0, :now, :giveUp, :now
                from webhook_endpoint e
                where e.circle_id = :circle and e.enabled and e.events @> jsonb_build_array(cast(:type as text))
                on conflict (event_id, endpoint_id) do nothing""")
                .setParameter("event", event.id())
                .setParameter("type", event.type())
                .setParameter("body", event.body())
                .setParameter("now", now)
                .setParameter("giveUp", now.plus(giveUpAfter))
                .setParameter("circle", event.circleId())
                .executeUpdate();
        return Step.finished();
    }
}
