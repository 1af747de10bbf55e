package org.devolve.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.database.UntilMigrated;
import org.jboss.logging.Logger;

/**
 * Does the outbox's work on every replica. Each step takes the oldest due message with
 * {@code FOR UPDATE SKIP LOCKED} (so replicas share the work and never do one step twice), runs its topic's
 * handler and records the outcome in the same transaction: done, or where to resume (the message then
 * queues behind the others that are due, so one large fan-out does not hold up the rest). A step that
 * fails is rolled back; the message's attempts and last error are recorded, and it is tried again after a
 * back-off that doubles up to {@code devolve.outbox.retry-max}. A topic without a handler (a newer replica
 * wrote it during a rolling update) fails the same way, until a replica that knows it takes it.
 *
 * <p>Gauges {@code devolve_outbox_pending} (messages not done) and {@code devolve_outbox_failing} (of those,
 * the ones that failed at least once) show a worker that falls behind or a topic that keeps failing.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);
    private static final Duration TICK_BUDGET = Duration.ofSeconds(10);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    private static final int ERROR_LENGTH = 2_000;

    private enum Outcome {
        NONE,
        STEPPED,
        FAILED
    }

    private final EntityManager em;
    private final Map<String, OutboxHandler> handlers = new HashMap<>();
    private final DevolveConfig.Outbox config;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong failing = new AtomicLong();
    private volatile long lastPrune;

    OutboxWorker(
            EntityManager em,
            Instance<OutboxHandler> handlers,
            DevolveConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.em = em;
        this.config = config.outbox();
        this.clock = clock;
        for (OutboxHandler handler : handlers) {
            OutboxHandler before = this.handlers.putIfAbsent(handler.topic(), handler);
            if (before != null) {
                throw new IllegalStateException("Two outbox handlers for topic " + handler.topic());
            }
        }
        Gauge.builder("devolve.outbox.pending", pending, AtomicLong::get)
                .description("Outbox messages not done yet (all replicas)")
                .register(registry);
        Gauge.builder("devolve.outbox.failing", failing, AtomicLong::get)
                .description("Outbox messages not done that failed at least once (all replicas)")
                .register(registry);
    }

    @Scheduled(
            every = "${devolve.outbox.every}",
            delayed = "${devolve.outbox.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "devolve-outbox",
            skipExecutionIf = UntilMigrated.class)
    void tick() {
        long until = System.nanoTime() + TICK_BUDGET.toNanos();
        try {
            while (System.nanoTime() < until && processNext() != Outcome.NONE) {
                // next step
            }
            if (System.nanoTime() - lastPrune > PRUNE_EVERY.toNanos()) {
                prune();
                lastPrune = System.nanoTime();
            }
            refreshGauges();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox: this round stopped (%s); the next one carries on", e.getMessage());
        }
    }

    /**
     * Does every message that is due now, waiting for those another worker holds, and returns the steps
     * taken. Tests call it to see the effects of a change without waiting for a tick.
     */
    public int drain() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int steps = 0;
        while (true) {
            if (processNext() != Outcome.NONE) {
                steps++;
                continue;
            }
            if (!anyDue()) {
                return steps;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("Outbox messages stayed locked by another worker for 60 s");
            }
            try {
                Thread.sleep(5); // another worker holds the last due message: its step ends with its transaction
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while draining the outbox", e);
            }
        }
    }

    private Outcome processNext() {
        Instant now = clock.instant();
        long[] claimed = {-1, 0};
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<?> rows =
                        em.createNativeQuery("""
                        select id, topic, cast(payload as text), progress, attempts from outbox
                        where done_at is null and available_at <= :now
                        order by available_at, id limit 1 for update skip locked""").setParameter("now", now).getResultList();
                if (rows.isEmpty()) {
                    return Outcome.NONE;
                }
                Object[] row = (Object[]) rows.get(0);
                long id = ((Number) row[0]).longValue();
                int attempts = ((Number) row[4]).intValue();
                claimed[0] = id;
                claimed[1] = attempts;
                String topic = (String) row[1];
                OutboxHandler handler = handlers.get(topic);
                if (handler == null) {
                    throw new IllegalStateException("No handler for topic " + topic + " on this replica");
                }
                OutboxHandler.Step step = handler.handle(
                        new OutboxHandler.Message(id, topic, (String) row[2], (String) row[3], attempts));
                if (step.done()) {
                    em.createNativeQuery("update outbox set done_at = :now, progress = null where id = :id")
                            .setParameter("now", now)
                            .setParameter("id", id)
                            .executeUpdate();
                } else {
                    em.createNativeQuery("update outbox set progress = :progress, available_at = :now where id = :id")
                            .setParameter("progress", step.progress())
                            .setParameter("now", now)
                            .setParameter("id", id)
                            .executeUpdate();
                }
                return Outcome.STEPPED;
            });
        } catch (RuntimeException e) {
            if (claimed[0] < 0) {
                throw e; // nothing was taken: the database itself failed
            }
            failed(claimed[0], (int) claimed[1], now, e);
            return Outcome.FAILED;
        }
    }

    private void failed(long id, int attemptsBefore, Instant now, RuntimeException e) {
        Instant next = now.plus(backoff(attemptsBefore));
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warnf(e, "Outbox message %d failed (attempt %d); tried again at %s", id, attemptsBefore + 1, next);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                update outbox set attempts = attempts + 1, last_error = :error, available_at = :next
                where id = :id and done_at is null""")
                        .setParameter("error", error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error)
                        .setParameter("next", next)
                        .setParameter("id", id)
                        .executeUpdate());
    }

    /** The pause after the n-th failure (n from 0): the initial one, doubled each time, at most the maximum. */
    private Duration backoff(int failuresBefore) {
        Duration max = config.retryMax();
        Duration pause = config.retryInitial();
        for (int i = 0; i < failuresBefore && pause.compareTo(max) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(max) > 0 ? max : pause;
    }

    private boolean anyDue() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                        "select exists (select 1 from outbox where done_at is null and available_at <= :now)")
                .setParameter("now", now)
                .getSingleResult());
    }

    private void prune() {
        Instant before = clock.instant().minus(config.retention());
        int deleted = QuarkusTransaction.requiringNew()
                .call(() ->
                        em.createNativeQuery("""
                delete from outbox where id in
                    (select id from outbox where done_at < :before order by done_at limit 10000)""").setParameter("before", before).executeUpdate());
        if (deleted > 0) {
            LOG.debugf("Outbox: %d done messages deleted", deleted);
        }
    }

    private void refreshGauges() {
        Object[] counts = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select count(*), count(*) filter (where attempts > 0) from outbox where done_at is null")
                .getSingleResult());
        pending.set(((Number) counts[0]).longValue());
        failing.set(((Number) counts[1]).longValue());
    }
}
