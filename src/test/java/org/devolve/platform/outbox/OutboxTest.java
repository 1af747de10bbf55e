package org.devolve.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devolve.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox: a message exists if and only if its transaction commits, is done once however many workers
 * run, and a failing one is tried again after a growing pause with its attempts and last error recorded.
 * Test handlers below serve topics of their own ({@code test.*}).
 */
@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxWorker worker;

    @Inject
    AgroalDataSource db;

    @Inject
    TestClock clock;

    @Inject
    Scheduler scheduler;

    /** Only the test's own drains take messages, so that what it sees between two steps is what it did. */
    @BeforeEach
    void onlyTheTestWorks() {
        scheduler.pause("devolve-outbox");
    }

    @AfterEach
    void normalAgain() {
        clock.reset();
        scheduler.resume("devolve-outbox");
    }

    @Test
    void aMessageExistsIfAndOnlyIfTheTransactionThatWroteItCommits() throws Exception {
        String kept = UUID.randomUUID().toString();
        String dropped = UUID.randomUUID().toString();
        assertThrows(
                IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    outbox.add(Recorder.TOPIC, Map.of("mark", dropped));
                    throw new IllegalStateException("the change fails after writing its message");
                }));
        QuarkusTransaction.requiringNew().run(() -> outbox.add(Recorder.TOPIC, Map.of("mark", kept)));
        assertEquals(0, rows("payload->>'mark' = ?", dropped).size(), "a rolled-back change leaves no message");
        assertEquals(1, rows("payload->>'mark' = ?", kept).size());
        assertThrows(
                RuntimeException.class,
                () -> outbox.add(Recorder.TOPIC, Map.of("mark", "outside")),
                "a message is written in the transaction of its change, never on its own");

        worker.drain();
        assertEquals(
                List.of(kept),
                Recorder.SEEN.stream()
                        .filter(m -> m.equals(kept) || m.equals(dropped))
                        .toList());
        Map<String, Object> row = rows("payload->>'mark' = ?", kept).get(0);
        assertNotNull(row.get("done_at"));
        worker.drain();
        assertEquals(1, Recorder.SEEN.stream().filter(kept::equals).count(), "done once");
    }

    @Test
    void aFailingMessageIsTriedAgainAfterADoublingPauseWithItsAttemptsAndLastErrorRecorded() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.setTo(start);
        String mark = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> outbox.add(Flaky.TOPIC, Map.of("mark", mark, "failures", 2)));

        worker.drain();
        Map<String, Object> row = rows("payload->>'mark' = ?", mark).get(0);
        assertEquals(1, row.get("attempts"));
        assertTrue(((String) row.get("last_error")).contains("failure 1 of 2"), (String) row.get("last_error"));
        assertEquals(start.plusSeconds(5), row.get("available_at"), "tried again after devolve.outbox.retry-initial");
        assertNull(row.get("done_at"));

        clock.setTo(start.plusSeconds(5).minusMillis(1));
        worker.drain();
        assertEquals(1, rows("payload->>'mark' = ?", mark).get(0).get("attempts"), "not before its pause is over");

        clock.setTo(start.plusSeconds(5));
        worker.drain();
        row = rows("payload->>'mark' = ?", mark).get(0);
        assertEquals(2, row.get("attempts"));
        assertTrue(((String) row.get("last_error")).contains("failure 2 of 2"));
        assertEquals(start.plusSeconds(15), row.get("available_at"), "the pause doubles");

        clock.setTo(start.plusSeconds(15));
        worker.drain();
        row = rows("payload->>'mark' = ?", mark).get(0);
        assertNotNull(row.get("done_at"), "the third attempt succeeds");
        assertEquals(2, row.get("attempts"), "the attempts that failed stay recorded");
    }

    @Test
    void twoWorkersAtOnceDoEveryStepOfEveryMessageExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        int messages = 20;
        int stepsPerMessage = 3;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < messages; i++) {
                outbox.add(Stepper.TOPIC, Map.of("run", run, "steps", stepsPerMessage));
            }
        });
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = replicas.submit(worker::drain);
            Future<Integer> b = replicas.submit(worker::drain);
            assertEquals(messages * stepsPerMessage, a.get() + b.get(), "every step taken by one worker or the other");
        } finally {
            replicas.shutdown();
        }
        Map<String, Integer> done = new HashMap<>();
        Stepper.STEPS.stream().filter(s -> s.startsWith(run)).forEach(s -> done.merge(s, 1, Integer::sum));
        assertEquals(messages * stepsPerMessage, done.size(), "every step of every message: " + done.keySet());
        assertTrue(done.values().stream().allMatch(n -> n == 1), "no step twice: " + done);
        assertTrue(rows("payload->>'run' = ?", run).stream().allMatch(r -> r.get("done_at") != null));
    }

    @Test
    void aMessageOfATopicThisReplicaDoesNotKnowWaitsAndSaysWhy() throws Exception {
        String mark = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> outbox.add("test.nobody", Map.of("mark", mark)));
        worker.drain();
        Map<String, Object> row = rows("payload->>'mark' = ?", mark).get(0);
        assertEquals(1, row.get("attempts"));
        assertTrue(((String) row.get("last_error")).contains("No handler for topic test.nobody"));
        assertNull(row.get("done_at"));
        try (Connection c = db.getConnection();
                PreparedStatement done =
                        c.prepareStatement("update outbox set done_at = now() where topic = 'test.nobody'")) {
            done.executeUpdate(); // no replica will ever know it: out of the way of the tests after this one
        }
    }

    @Test
    void aMessageWithAKeyIsQueuedOnceWhoeverAsksAgain() throws Exception {
        String key = "test:" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            QuarkusTransaction.requiringNew().run(() -> outbox.addOnce(Recorder.TOPIC, Map.of("mark", key), key));
            worker.drain();
        }
        assertEquals(1, rows("dedupe_key = ?", key).size());
        assertEquals(1, Recorder.SEEN.stream().filter(key::equals).count());
    }

    private List<Map<String, Object>> rows(String where, String value) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement q =
                        c.prepareStatement("select attempts, last_error, available_at, done_at from outbox where "
                                + where + " order by id")) {
            q.setString(1, value);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("attempts", rs.getInt("attempts"));
                    row.put("last_error", rs.getString("last_error"));
                    row.put("available_at", rs.getTimestamp("available_at").toInstant());
                    row.put(
                            "done_at",
                            rs.getTimestamp("done_at") == null
                                    ? null
                                    : rs.getTimestamp("done_at").toInstant());
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Remembers the {@code mark} of every message it does. */
    @ApplicationScoped
    static class Recorder implements OutboxHandler {
        static final String TOPIC = "test.recorded";
        static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public Step handle(Message message) {
            SEEN.add(new JsonObject(message.payload()).getString("mark"));
            return Step.finished();
        }
    }

    /** Fails the first {@code failures} attempts of a message, then succeeds. */
    @ApplicationScoped
    static class Flaky implements OutboxHandler {
        static final String TOPIC = "test.flaky";

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public Step handle(Message message) {
            int failures = new JsonObject(message.payload()).getInteger("failures");
            if (message.attempts() < failures) {
                throw new IllegalStateException("failure " + (message.attempts() + 1) + " of " + failures);
            }
            return Step.finished();
        }
    }

    /** Does a message in {@code steps} steps, remembering each (run, message, step). */
    @ApplicationScoped
    static class Stepper implements OutboxHandler {
        static final String TOPIC = "test.steps";
        static final Queue<String> STEPS = new ConcurrentLinkedQueue<>();

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public Step handle(Message message) {
            JsonObject payload = new JsonObject(message.payload());
            int step = message.progress() == null ? 1 : Integer.parseInt(message.progress());
            STEPS.add(payload.getString("run") + "/" + message.id() + "/" + step);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return step == payload.getInteger("steps") ? Step.finished() : Step.resumeFrom(Integer.toString(step + 1));
        }
    }
}
