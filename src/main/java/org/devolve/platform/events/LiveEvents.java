package org.devolve.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.database.UntilMigrated;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Live events of proposals (phase changes, new arguments), kept in the database and announced to every
 * replica through PostgreSQL {@code LISTEN/NOTIFY}.
 *
 * <p><b>Kept, numbered, in order.</b> {@link #publish} writes the event in the caller's transaction with the
 * proposal's next number (table {@code live_event}; the counter row in {@code live_stream} is locked until
 * that transaction ends, so numbers commit in order and without gaps) and issues {@code pg_notify}: the
 * event exists, and is announced, only if the change it belongs to commits. Readers take the events after
 * the last one they have ({@link #after}), so a client that resumes with {@code Last-Event-ID} gets every
 * event it missed, for {@code devolve.live.retention}.
 *
 * <p><b>Nothing lost on reconnect.</b> A notification only wakes the readers of its proposal
 * ({@link #subscribe}); they read from the table. Each replica listens on one connection of its own (not
 * from the pool), probes it with {@code select 1} after {@code devolve.live.heartbeat} of silence (a probe
 * that hangs as long counts as a failure), and opens it again after a failure with a pause that doubles
 * from {@code devolve.live.reconnect-delay} to 30 s. Once it listens again it wakes every reader, which
 * then reads what was published while nobody was listening.
 */
@ApplicationScoped
public class LiveEvents {

    /** One kept event of a proposal: its number, its type and its data (a JSON object). */
    public record Event(long seq, String type, String data) {}

    /** Undoes a {@link #subscribe}. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private static final Logger LOG = Logger.getLogger(LiveEvents.class);
    private static final String CHANNEL = "devolve_events";
    /** The listening connection's application_name, as pg_stat_activity shows it. */
    public static final String APPLICATION_NAME = "devolve-live-events";

    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final EntityManager em;
    private final DevolveConfig.Live config;
    private final Clock clock;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Map<UUID, Set<Runnable>> readers = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean listening = new AtomicBoolean();
    private final Counter connects;
    private volatile Connection connection;
    private Thread listener;

    LiveEvents(
            EntityManager em,
            DevolveConfig config,
            Clock clock,
            MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.em = em;
        this.config = config.live();
        this.clock = clock;
        this.url = url;
        this.user = user;
        this.password = password;
        Gauge.builder("devolve.live.listening", listening, l -> l.get() ? 1 : 0)
                .description("1 while this replica listens for live events, 0 while it reconnects")
                .register(registry);
        this.connects = Counter.builder("devolve.live.connects")
                .description("Times this replica opened its LISTEN connection")
                .register(registry);
    }

    /**
     * Keeps the event and announces it once the current transaction commits; returns its number. Publish
     * after the proposal's own lock, if the transaction takes it: the number is locked until the transaction
     * ends.
     */
    public long publish(UUID proposalId, String type, Map<String, ?> data) {
        String json = new JsonObject(new LinkedHashMap<>(data)).encode();
        return ((Number) em.createNativeQuery("""
                with counter as (
                    insert into live_stream (proposal_id, last_seq) values (:proposal, 1)
                    on conflict (proposal_id) do update set last_seq = live_stream.last_seq + 1
                    returning last_seq),
                kept as (
                    insert into live_event (proposal_id, seq, type, data, created_at)
                    select :proposal, last_seq, :type, cast(:data as json), :at from counter
                    returning seq)
                select kept.seq from kept, lateral (select pg_notify(:channel, cast(:proposal as text))) announced""")
                        .setParameter("proposal", proposalId)
                        .setParameter("type", type)
                        .setParameter("data", json)
                        .setParameter("at", clock.instant())
                        .setParameter("channel", CHANNEL)
                        .getSingleResult())
                .longValue();
    }

    /** The number of the proposal's last event; 0 when it has none. */
    public long latest(UUID proposalId) {
        List<?> rows = em.createNativeQuery("select last_seq from live_stream where proposal_id = :p")
                .setParameter("p", proposalId)
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /** Up to {@code limit} kept events of the proposal numbered after {@code seq}, in order. */
    public List<Event> after(UUID proposalId, long seq, int limit) {
        List<?> rows = em.createNativeQuery("""
                select seq, type, cast(data as text) from live_event where proposal_id = :p and seq > :seq
                order by seq limit :limit""")
                .setParameter("p", proposalId)
                .setParameter("seq", seq)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new Event(((Number) r[0]).longValue(), (String) r[1], (String) r[2]))
                .toList();
    }

    /** Calls {@code wake} (on the listening thread: it must return at once) when the proposal may have news. */
    public Subscription subscribe(UUID proposalId, Runnable wake) {
        readers.computeIfAbsent(proposalId, id -> new CopyOnWriteArraySet<>()).add(wake);
        return () -> readers.computeIfPresent(proposalId, (id, set) -> {
            set.remove(wake);
            return set.isEmpty() ? null : set;
        });
    }

    /** Whether this replica listens now (false while it reconnects). */
    public boolean listening() {
        return listening.get();
    }

    /** How often this replica has opened its LISTEN connection. */
    public long connections() {
        return (long) connects.count();
    }

    void start(@Observes StartupEvent ignored) {
        running.set(true);
        listener = new Thread(this::listen, "devolve-live-events");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running.set(false);
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                LOG.debugf("Live events: closing the connection: %s", e.getMessage());
            }
        }
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Scheduled(
            every = "10m",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "devolve-live-events-prune",
            skipExecutionIf = UntilMigrated.class)
    void prune() {
        var before = clock.instant().minus(config.retention());
        int deleted = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("delete from live_event where created_at < :before")
                        .setParameter("before", before)
                        .executeUpdate());
        if (deleted > 0) {
            LOG.debugf("Live events: %d events older than %s deleted", deleted, config.retention());
        }
    }

    private void listen() {
        Duration pause = config.reconnectDelay();
        while (running.get()) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening.set(true);
                connects.increment();
                pause = config.reconnectDelay();
                wakeEveryone(); // what was published while this replica was not listening
                PGConnection pg = c.unwrap(PGConnection.class);
                int quiet = (int) config.heartbeat().toMillis();
                while (running.get()) {
                    PGNotification[] heard = pg.getNotifications(quiet);
                    if (heard != null && heard.length > 0) {
                        for (PGNotification n : heard) {
                            wake(n.getParameter());
                        }
                    } else {
                        probe(c);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening.set(false);
                if (running.get()) {
                    LOG.warnf(
                            "Live events: the LISTEN connection failed (%s); listening again in %d ms",
                            e.getMessage(), pause.toMillis());
                    sleep(pause);
                    pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                }
            } finally {
                listening.set(false);
                connection = null;
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty(
                "connectTimeout", Long.toString(Math.max(1, config.heartbeat().toSeconds())));
        Connection c = new org.postgresql.Driver().connect(url, properties);
        if (c == null) {
            throw new SQLException("Not a PostgreSQL URL: the live events need quarkus.datasource.jdbc.url");
        }
        c.setAutoCommit(true);
        c.setNetworkTimeout(Runnable::run, (int) config.heartbeat().toMillis());
        return c;
    }

    /** A round trip on a connection that heard nothing for a while: it fails if the connection is gone. */
    private static void probe(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("select 1");
        }
    }

    private void wake(String proposal) {
        UUID id;
        try {
            id = UUID.fromString(proposal);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Live events: ignored a notification that names no proposal: %s", proposal);
            return;
        }
        Set<Runnable> waiting = readers.get(id);
        if (waiting != null) {
            waiting.forEach(Runnable::run);
        }
    }

    private void wakeEveryone() {
        readers.values().forEach(set -> set.forEach(Runnable::run));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
