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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.devolve.testing.PackagedService;
import org.devolve.testing.ProposalFixture;
import org.devolve.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * An event is never lost once its change commits: the packaged service is killed with SIGKILL right after a phase
 * change was answered, while the receiver is down (503), and after a restart on the same PostgreSQL, with the
 * receiver back, the event arrives, signed with the endpoint's secret, and the log says delivered.
 */
class WebhookCrashIT {

    @Test
    void aKillBetweenTheCommitAndTheDeliveryStillDeliversAfterTheRestart() throws Exception {
        Path data = Files.createTempDirectory("devolve-webhook-crash-pg-");
        int pgPort = PackagedService.freePort();
        Map<String, String> properties = Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "devolve.rate-limits.enabled", "false",
                "devolve.webhooks.allow-private-targets", "true", // the receiver is on 127.0.0.1
                "devolve.webhooks.every", "200ms",
                "devolve.webhooks.retry-initial", "500ms",
                "devolve.webhooks.retry-max", "1s",
                "devolve.outbox.every", "200ms");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(true)
                        .setPort(pgPort)
                        .setServerConfig("synchronous_commit", "on")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
                WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answerAlways(503); // down
            ProposalFixture.Made p;
            String circle;
            String endpoint;
            String secret;
            PackagedService first = PackagedService.start(properties);
            try {
                assertTrue(first.awaitReady(Duration.ofSeconds(120)), first.logText());
                RestAssured.baseURI = "http://127.0.0.1";
                RestAssured.port = first.port;
                p = aProposal().by(BOB).withMembers(DAVE).draft();
                circle = p.circle();
                var created = as(CAROL)
                        .body(Map.of("url", receiver.url("/crash"), "events", List.of("proposal.deliberation_opened")))
                        .post("/api/v1/circles/" + circle + "/webhooks")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
                endpoint = created.getString("endpoint.id");
                secret = created.getString("secret");
                long started = System.nanoTime();
                as(BOB).body(Map.of("phase", "DELIBERATION"))
                        .post("/api/v1/proposals/" + p.id() + "/phase")
                        .then()
                        .statusCode(200);
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
                assertTrue(second.awaitReady(Duration.ofSeconds(120)), second.logText());
                RestAssured.port = second.port;
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
                assertTrue(WebhookReceiver.verify(secret, delivered), "signed with the endpoint's secret");
                assertTrue(delivered.body().contains(p.id()));
                assertTrue(
                        WebhookReceiver.await(
                                Duration.ofSeconds(10),
                                () -> {},
                                () -> "SUCCEEDED"
                                        .equals(as(CAROL)
                                                .get("/api/v1/circles/" + circle + "/webhooks/" + endpoint
                                                        + "/deliveries")
                                                .then()
                                                .statusCode(200)
                                                .extract()
                                                .path("items[0].status"))),
                        "the log says delivered");
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
}
