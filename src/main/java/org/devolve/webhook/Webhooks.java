package org.devolve.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.outbox.Outbox;

/**
 * The webhook feature's port: a feature tells a circle's endpoints of a change, in the change's transaction. The
 * event's body is written now, as every endpoint will receive it ({@code {"type", "timestamp", "data"}}, the
 * Standard Webhooks shape), into one outbox message; {@link FanOut} makes its deliveries after the commit, and
 * {@link WebhookSender} sends them. Nothing is sent of a change that rolls back, and nothing is lost of one that
 * commits. Callers put in {@code data} only what the API already shows every reader of the proposal, never
 * anything of a secret ballot beyond its published result.
 */
@ApplicationScoped
public class Webhooks {

    private final Outbox outbox;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final String base;

    Webhooks(Outbox outbox, EntityManager em, ObjectMapper json, Clock clock, DevolveConfig config) {
        this.outbox = outbox;
        this.em = em;
        this.json = json;
        this.clock = clock;
        // the service's public URL (devolve.web.public-url), as in invitation links and mails
        this.base = config.web().publicUrl().replaceAll("/+$", "");
    }

    /**
     * Queues the event for the circle's enabled endpoints that want it (none: nothing is written). {@code data}:
     * strings, numbers, booleans, lists and maps of them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(UUID circleId, WebhookEventType type, Map<String, ?> data) {
        if (!wanted(circleId, type)) {
            return;
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.wire());
        body.put("timestamp", now.toString());
        body.put("data", data);
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A webhook event's data must be writable as JSON", e);
        }
        outbox.add(FanOut.TOPIC, new FanOut.Event(id, type.wire(), circleId, text));
    }

    /** A link into the API, absolute: the service's public URL ({@code devolve.web.public-url}) and the path. */
    public String link(String path) {
        return base + path;
    }

    /** Whether an enabled endpoint of the circle wants the event (callers skip building its data otherwise). */
    public boolean wanted(UUID circleId, WebhookEventType type) {
        return (Boolean) em.createNativeQuery("""
                        select exists (select 1 from webhook_endpoint where circle_id = :circle and enabled
                            and events @> jsonb_build_array(cast(:type as text)))""")
                .setParameter("circle", circleId)
                .setParameter("type", type.wire())
                .getSingleResult();
    }
}
