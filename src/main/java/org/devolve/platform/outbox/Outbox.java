package org.devolve.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Work to do because the current transaction commits: notifications of a large circle today, email and
 * outgoing webhooks next. {@link #add} writes one row in the caller's transaction, so the work exists if and
 * only if the change it follows commits; {@link OutboxWorker} does it afterwards, outside that
 * transaction, with a {@link OutboxHandler} per topic.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    Outbox(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** Queues {@code payload} (a record, written as JSON) for the handler of {@code topic}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, Object payload) {
        insert(topic, payload, null);
    }

    /**
     * The same, at most once per {@code dedupeKey} ever: a second message with the key is dropped, whether
     * the first is done or not (a notice that is sent once, however often its cause is seen).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addOnce(String topic, Object payload, String dedupeKey) {
        insert(topic, payload, dedupeKey);
    }

    private void insert(String topic, Object payload, String dedupeKey) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An outbox payload must be writable as JSON", e);
        }
        var now = clock.instant();
        em.createNativeQuery("""
                insert into outbox (topic, payload, dedupe_key, created_at, available_at)
                values (:topic, cast(:payload as jsonb), :key, :now, :now)
                on conflict (dedupe_key) do nothing""")
                .setParameter("topic", topic)
                .setParameter("payload", body)
                .setParameter("key", dedupeKey)
                .setParameter("now", now)
                .executeUpdate();
    }
}
