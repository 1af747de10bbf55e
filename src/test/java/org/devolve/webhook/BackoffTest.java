package org.devolve.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The retry schedule of webhook deliveries: doubling from the initial pause up to the maximum, with jitter. */
class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofHours(2);

    @Test
    void withoutJitterThePauseDoublesUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(10), WebhookSender.backoff(INITIAL, MAX, 1, 0));
        assertEquals(Duration.ofSeconds(20), WebhookSender.backoff(INITIAL, MAX, 2, 0));
        assertEquals(Duration.ofSeconds(40), WebhookSender.backoff(INITIAL, MAX, 3, 0));
        assertEquals(Duration.ofSeconds(5120), WebhookSender.backoff(INITIAL, MAX, 10, 0));
        assertEquals(MAX, WebhookSender.backoff(INITIAL, MAX, 11, 0));
        assertEquals(MAX, WebhookSender.backoff(INITIAL, MAX, 400, 0), "no overflow however many attempts");
    }

    @Test
    void jitterSpreadsTheRetriesOfDeliveriesThatFailedTogetherAndNeverDelaysThem() {
        Random random = new Random(42);
        for (int attempts = 1; attempts <= 14; attempts++) {
            Duration full = WebhookSender.backoff(INITIAL, MAX, attempts, 0);
            Set<Duration> pauses = new TreeSet<>();
            for (int delivery = 0; delivery < 100; delivery++) {
                Duration pause = WebhookSender.backoff(INITIAL, MAX, attempts, random.nextDouble());
                assertTrue(pause.compareTo(full) <= 0, pause + " later than the schedule's " + full);
                assertTrue(
                        pause.compareTo(full.multipliedBy(3).dividedBy(4)) >= 0,
                        pause + " shorter than three quarters of " + full);
                pauses.add(pause);
            }
            assertTrue(pauses.size() > 50, "100 deliveries failed at once come back at " + pauses.size() + " moments");
        }
    }
}
