package org.devolve.webhook;

import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.devolve.testing.PackagedService;
import org.devolve.testing.ProposalFixture;
import org.devolve.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * An event is never lost once its change commits. The packaged service is killed with SIGKILL right after a phase
 * change was answered, while the receiver is down (503), and after a restart on the same PostgreSQL, with the
 * receiver back, the event arrives, signed with the endpoint's secret, and the log says delivered. And killed while
 * a delivery is in flight (the receiver holds the request), the delivery's lease runs out and the restarted service
 * sends it again: the same event (the same webhook-id, so a receiver can tell), delivered, never lost.
 */
class WebhookCrashIT {

    /** The proposal whose deliberation the endpoint hears of, and the endpoint with its secret. */
    private record Subscription(ProposalFixture.Made proposal, String endpoint, String secret) {

        String deliveries() {
            return "/api/v1/circles/" + proposal.circle() + "/webhooks/" + endpoint + "/deliveries";
        }
    }

    private static Map<String, String> settings(int pgPort, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "devolve.rate-limits.enabled", "false",
                "devolve.webhooks.allow-private-targets", "true", // the receiver is on 127.0.0.1
                "devolve.webhooks.every", "200ms",
                "devolve.outbox.every", "200ms"));
        all.putAll(more);
        return all;
    }

    /** A PostgreSQL of its own that outlives the service's kill and restart. */
    private static EmbeddedPostgres postgres(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("devolve-webhook-crash-pg-"))
                .setCleanDataDirectory(true)
                .setPort(port)
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    private static void talkTo(PackagedService service) throws InterruptedException {
        assertTrue(service.awaitReady(Duration.ofSeconds(120)), service.logText());
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = service.port;
    }

    /** Carol subscribes her circle to deliberations at {@code path}; a draft of Bob's waits in the circle. */
    private static Subscription subscribe(WebhookReceiver receiver, String path) {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).draft();
        var created = as(CAROL)
                .body(Map.of("url", receiver.url(path), "events", List.of("proposal.deliberation_opened")))
                .post("/api/v1/circles/" + p.circle() + "/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Subscription(p, created.getString("endpoint.id"), created.getString("secret"));
    }

    private static void openDeliberation(Subscription s) {
        as(BOB).body(Map.of("phase", "DELIBERATION"))
                .post("/api/v1/proposals/" + s.proposal().id() + "/phase")
                .then()
                .statusCode(200);
    }

    /** The delivery as the log shows it to the facilitator. */
    private static Map<String, Object> delivery(Subscription s) {
        return as(CAROL).get(s.deliveries()).then().statusCode(200).extract().path("items[0]");
    }

    private static void awaitDelivered(Subscription s) {
        assertTrue(
                WebhookReceiver.await(
                        Duration.ofSeconds(10),
                        () -> {},
                        () -> "SUCCEEDED".equals(delivery(s).get("status"))),
                "the log says delivered: " + delivery(s));
    }

    @Test
    void aKillBetweenTheCommitAndTheDeliveryStillDeliversAfterTheRestart() throws Exception {
        int pgPort = PackagedService.freePort();
        Map<String, String> properties =
                settings(pgPort, Map.of("devolve.webhooks.retry-initial", "500ms", "devolve.webhooks.retry-max", "1s"));
        try (EmbeddedPostgres postgres = postgres(pgPort);
                WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answerAlways(503); // down
            Subscription s;
            PackagedService first = PackagedService.start(properties);
            try {
                talkTo(first);
                s = subscribe(receiver, "/crash");
                long started = System.nanoTime();
                openDeliberation(s);
                assertTrue(
                        Duration.ofNanos(System.nanoTime() - started).toMillis() < 5_000,
                        "the phase change does not wait for the receiver");
                first.kill(); // committed, and at most an attempt or two refused by the receiver
            } finally {
                first.close();
            }
            int beforeRestart = receiver.at("/crash").size();
            assertTrue(
                    receiver.at("/crash").stream().allMatch(r -> r.answered() == 503),
                    "nothing delivered before the kill");

            receiver.answerAlways(200); // back up
            try (PackagedService second = PackagedService.start(properties)) {
                talkTo(second);
                assertTrue(
                        WebhookReceiver.await(
                                Duration.ofSeconds(60),
                                () -> {},
                                () -> receiver.at("/crash").stream().anyMatch(r -> r.answered() == 200)),
                        "the event arrived after the restart; the service's log:\n" + second.logText());
                WebhookReceiver.Received delivered = receiver.at("/crash").stream()
                        .filter(r -> r.answered() == 200)
                        .findFirst()
                        .orElseThrow();
                assertTrue(WebhookReceiver.verify(s.secret(), delivered), "signed with the endpoint's secret");
                assertTrue(delivered.body().contains(s.proposal().id()));
                awaitDelivered(s);
                Thread.sleep(1_500);
                assertEquals(
                        1,
                        receiver.at("/crash").stream()
                                .filter(r -> r.answered() == 200)
                                .count(),
                        "delivered once, not again");
                System.out.printf(
                        "[webhook crash] %d refused attempt(s) before kill -9, delivered after the restart%n",
                        beforeRestart);
            }
        }
    }

    @Test
    void aKillWhileADeliveryIsInFlightSendsItAgainOnceItsLeaseRunsOut() throws Exception {
        int pgPort = PackagedService.freePort();
        // the lease of a delivery in flight: the timeout and 30 s
        Map<String, String> properties = settings(pgPort, Map.of("devolve.webhooks.timeout", "4s"));
        try (EmbeddedPostgres postgres = postgres(pgPort);
                WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.delay(Duration.ofSeconds(3)); // holds each request: the delivery is in flight meanwhile
            Subscription s;
            PackagedService first = PackagedService.start(properties);
            try {
                talkTo(first);
                s = subscribe(receiver, "/inflight");
                openDeliberation(s);
                assertTrue(
                        WebhookReceiver.await(Duration.ofSeconds(30), () -> {}, () -> receiver.arrivals() == 1),
                        "the delivery reached the receiver; the service's log:\n" + first.logText());
                first.kill(); // while the receiver still holds the request
            } finally {
                first.close();
            }
            Instant killed = Instant.now();
            receiver.delay(Duration.ZERO);
            try (PackagedService second = PackagedService.start(properties)) {
                talkTo(second);
                assertTrue(
                        WebhookReceiver.await(
                                Duration.ofSeconds(90),
                                () -> {},
                                () -> receiver.at("/inflight").stream()
                                        .anyMatch(r -> r.arrivedAt().isAfter(killed))),
                        "sent again once the lease ran out; the service's log:\n" + second.logText());
                List<WebhookReceiver.Received> all = receiver.at("/inflight");
                WebhookReceiver.Received cut = all.stream()
                        .filter(r -> r.arrivedAt().isBefore(killed))
                        .findFirst()
                        .orElseThrow();
                WebhookReceiver.Received again = all.stream()
                        .filter(r -> r.arrivedAt().isAfter(killed))
                        .findFirst()
                        .orElseThrow();
                assertEquals(cut.header("webhook-id"), again.header("webhook-id"), "the same event, told apart");
                assertTrue(WebhookReceiver.verify(s.secret(), again), "signed with the endpoint's secret");
                awaitDelivered(s);
                assertEquals(
                        2, delivery(s).get("attempts"), "the attempt cut by the kill, and the one after the lease");
                Thread.sleep(1_500);
                assertEquals(
                        1,
                        receiver.at("/inflight").stream()
                                .filter(r -> r.arrivedAt().isAfter(killed))
                                .count(),
                        "delivered once after the restart, not again");
                System.out.printf(
                        "[webhook in flight] killed mid-delivery; sent again %d s after the kill%n",
                        Duration.between(killed, again.arrivedAt()).toSeconds());
            }
        }
    }
}
