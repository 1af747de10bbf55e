package org.devolve.platform.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Live events of proposals (phase changes, turnout, new arguments), fanned out to every replica through
 * PostgreSQL's {@code LISTEN/NOTIFY}.
 *
 * <p>{@link #publish} issues {@code pg_notify} in the caller's transaction, so an event is delivered only
 * if the change it announces commits. Each replica listens on one dedicated connection and hands what it
 * hears to the server-sent-event streams of its own clients: a client sees every event whichever replica it
 * is connected to, and no replica keeps state another could disagree with.
 */
@ApplicationScoped
public class LiveEvents {

    /** One event: which proposal, what happened, and its data. */
    public record Live(UUID proposalId, String type, JsonObject data) {
    }

    private static final Logger LOG = Logger.getLogger(LiveEvents.class);
    private static final String CHANNEL = "devolve_events";

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final BroadcastProcessor<Live> processor = BroadcastProcessor.create();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread listener;

    LiveEvents(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** Announces an event once the current transaction commits. The data must stay small (< 7 kB). */
    public void publish(UUID proposalId, String type, Map<String, ?> data) {
        JsonObject message = new JsonObject().put("p", proposalId.toString()).put("t", type)
                .put("d", new JsonObject(new java.util.LinkedHashMap<>(data)));
        em.createNativeQuery("select 1 from pg_notify(:channel, :payload)")
                .setParameter("channel", CHANNEL).setParameter("payload", message.encode()).getSingleResult();
    }

    /** Every event heard by this replica from now on, for one proposal. */
    public Multi<Live> of(UUID proposalId) {
        return processor.filter(e -> e.proposalId().equals(proposalId));
    }

    void start(@Observes StartupEvent ignored) {
        running.set(true);
        listener = new Thread(this::listen, "devolve-live-events");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running.set(false);
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running.get()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running.get()) {
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        dispatch(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running.get()) {
                    LOG.warnf("Live events: listening failed (%s); retrying in 2 s", e.getMessage());
                    sleep();
                }
            }
        }
    }

    private void dispatch(String payload) {
        try {
            JsonObject message = new JsonObject(payload);
            processor.onNext(new Live(UUID.fromString(message.getString("p")), message.getString("t"),
                    message.getJsonObject("d")));
        } catch (RuntimeException e) {
            LOG.warnf("Live events: ignored a malformed event: %s", e.getMessage());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
