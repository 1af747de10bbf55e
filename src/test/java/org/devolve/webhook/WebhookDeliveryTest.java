package org.devolve.webhook;

import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.proposal.Phase;
import org.devolve.proposal.PhaseChanged;
import org.devolve.testing.Outboxes;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.devolve.testing.TestClock;
import org.devolve.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a circle's events reach its endpoints, signed, from the outbox, at least once: against a real HTTP
 * receiver, with the service's real sender (the retries' back-off is 100 ms doubling to 400 ms in tests).
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    WebhookSender sender;

    @Inject
    TestClock clock;

    @Inject
    Event<PhaseChanged> phaseChanged;

    private final ObjectMapper json = new ObjectMapper();
    private WebhookReceiver receiver;

    @BeforeEach
    void receiver() throws Exception {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
        clock.reset();
    }

    /** A draft in a new circle (facilitated by Carol) whose endpoint at {@code path} wants these events. */
    private record Setup(ProposalFixture.Made proposal, String endpoint, String secret) {}

    private Setup endpointFor(String path, List<String> events) {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).draft();
        var created = as(CAROL)
                .body(Map.of("url", receiver.url(path), "events", events))
                .post("/api/v1/circles/" + p.circle() + "/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Setup(p, created.getString("endpoint.id"), created.getString("secret"));
    }

    private static void move(ProposalFixture.Made p, String phase) {
        as(phase.equals("DELIBERATION") ? BOB : CAROL)
                .body(Map.of("phase", phase))
                .post("/api/v1/proposals/" + p.id() + "/phase")
                .then()
                .statusCode(200);
    }

    private void awaitReceived(String path, int n) {
        assertTrue(
                WebhookReceiver.await(
                        PATIENCE,
                        () -> {
                            Outboxes.drain();
                            sender.sendDue();
                        },
                        () -> receiver.at(path).size() >= n),
                "the receiver got " + receiver.at(path).size() + " of " + n + " requests at " + path);
    }

    private static List<Map<String, Object>> log(Setup s) {
        return as(CAROL)
                .get("/api/v1/circles/" + s.proposal().circle() + "/webhooks/" + s.endpoint() + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    @Test
    void aProposalsMovesReachTheEndpointSignedWithItsSecret() throws Exception {
        Setup s = endpointFor("/moves", WebhookEventType.wires());
        move(s.proposal(), "DELIBERATION");
        move(s.proposal(), "VOTING");
        move(s.proposal(), "CLOSED");
        awaitReceived("/moves", 3);

        List<WebhookReceiver.Received> got = receiver.at("/moves");
        assertEquals(3, got.size());
        assertEquals(
                List.of("proposal.deliberation_opened", "proposal.voting_opened", "proposal.closed"),
                got.stream()
                        .map(r -> type(r))
                        .sorted(WebhookDeliveryTest::byPhase)
                        .toList());
        for (WebhookReceiver.Received r : got) {
            assertTrue(WebhookReceiver.verify(s.secret(), r), "signed with the endpoint's secret: " + r.headers());
            assertFalse(WebhookReceiver.verify("whsec_" + "A".repeat(32), r), "not with any other");
            assertEquals("application/json", r.header("content-type"));
            long timestamp = Long.parseLong(r.header("webhook-timestamp"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "a timestamp in seconds, now");
            assertEquals(
                    s.proposal().id(),
                    json.readTree(r.body())
                            .path("data")
                            .path("proposal")
                            .path("id")
                            .asText());
        }
        assertEquals(3, got.stream().map(r -> r.header("webhook-id")).distinct().count(), "one id per event");

        JsonNode closed = got.stream()
                .filter(r -> type(r).equals("proposal.closed"))
                .map(this::body)
                .findFirst()
                .orElseThrow()
                .path("data");
        String at = "/api/v1/proposals/" + s.proposal().id();
        String link = "http://localhost:8080" + at; // absolute: the test profile's devolve.web.public-url
        var result =
                as(CAROL).get(at + "/result").then().statusCode(200).extract().jsonPath();
        assertEquals(
                result.getString("tally.outcome"),
                closed.path("result").path("outcome").asText());
        assertEquals(
                result.getList("tally.totals"),
                json.convertValue(closed.path("result").path("totals"), List.class));
        assertEquals(
                result.getList("tally.options"),
                json.convertValue(closed.path("result").path("options"), List.class));
        assertEquals(
                result.getString("ledgerHead"),
                closed.path("result").path("countedAtHead").asText());
        String head = as(CAROL)
                .get(at + "/ledger/verify")
                .then()
                .statusCode(200)
                .extract()
                .path("head");
        assertEquals(head, closed.path("ledgerHead").path("hash").asText(), "the ledger's head after the close");
        assertEquals(link + "/result", closed.path("links").path("result").asText());
        assertEquals(link + "/export.json", closed.path("links").path("export").asText());
        assertEquals(link + "/ledger", closed.path("links").path("ledger").asText());

        List<Map<String, Object>> log = log(s);
        assertEquals(3, log.size());
        assertTrue(
                log.stream().allMatch(d -> "SUCCEEDED".equals(d.get("status")) && ((Integer) d.get("attempts")) == 1));
        assertTrue(log.stream().allMatch(d -> ((Integer) d.get("lastStatusCode")) == 200));
    }

    @Test
    void onlyTheEventsAskedForAndOnlyOfTheEndpointsCircle() {
        Setup s = endpointFor("/closed-only", List.of("proposal.closed"));
        Setup other = endpointFor("/elsewhere", List.of("proposal.closed"));
        move(s.proposal(), "DELIBERATION");
        move(s.proposal(), "VOTING");
        move(s.proposal(), "CLOSED");
        awaitReceived("/closed-only", 1);
        Outboxes.drain();
        sender.sendDue();
        assertEquals(
                List.of("proposal.closed"),
                receiver.at("/closed-only").stream().map(this::type).toList());
        assertEquals(List.of(), receiver.at("/elsewhere"), "another circle's endpoint hears nothing of it");
        assertEquals(List.of(), log(other));
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheEventDeliveredOnce() {
        Setup s = endpointFor("/flaky", List.of("proposal.deliberation_opened"));
        receiver.answer(500, 503, 502);
        move(s.proposal(), "DELIBERATION");
        awaitReceived("/flaky", 4);
        // whatever runs afterwards, nothing more is sent: the delivery is done
        long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (System.nanoTime() < until) {
            Outboxes.drain();
            sender.sendDue();
        }
        List<WebhookReceiver.Received> got = receiver.at("/flaky");
        assertEquals(
                List.of(500, 503, 502, 200),
                got.stream().map(WebhookReceiver.Received::answered).toList());
        assertEquals(1, got.stream().filter(r -> r.answered() == 200).count(), "exactly one successful delivery");
        assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count(), "the same id every time");
        assertEquals(
                1, got.stream().map(WebhookReceiver.Received::body).distinct().count(), "the same body");
        List<Map<String, Object>> log = log(s);
        assertEquals(1, log.size());
        assertEquals("SUCCEEDED", log.get(0).get("status"));
        assertEquals(4, log.get(0).get("attempts"));
        assertEquals(200, log.get(0).get("lastStatusCode"));
        assertNotNull(log.get(0).get("deliveredAt"));
    }

    @Test
    void aChangeThatRollsBackSendsNothing() {
        Setup s = endpointFor("/rollback", WebhookEventType.wires());
        UUID proposal = UUID.fromString(s.proposal().id());
        UUID circle = UUID.fromString(s.proposal().circle());
        assertThrows(() -> QuarkusTransaction.requiringNew().run(() -> {
            phaseChanged.fire(new PhaseChanged(proposal, circle, "rolled back", Phase.DRAFT, Phase.DELIBERATION, null));
            throw new IllegalStateException("the change fails after its event");
        }));
        Outboxes.drain();
        sender.sendDue();
        // the same change committed is sent: the endpoint listens, and the path works
        move(s.proposal(), "DELIBERATION");
        awaitReceived("/rollback", 1);
        Outboxes.drain();
        sender.sendDue();
        List<WebhookReceiver.Received> got = receiver.at("/rollback");
        assertEquals(1, got.size(), "only the committed change's event");
        assertFalse(got.get(0).body().contains("rolled back"));
        assertEquals(1, log(s).size());
    }

    @Test
    void challengesRaisedAndRuledOnAreSent() throws Exception {
        ProposalFixture.Made p =
                aProposal().by(BOB).withMembers(DAVE, People.ERIN).draft();
        as(CAROL)
                .body(Map.of("stakeBudget", 100, "budgetPeriod", "YEAR", "challengesEnabled", true))
                .put("/api/v1/circles/" + p.circle() + "/policy");
        String secret = as(CAROL)
                .body(Map.of(
                        "url",
                        receiver.url("/challenges"),
                        "events",
                        List.of("challenge.raised", "challenge.resolved")))
                .post("/api/v1/circles/" + p.circle() + "/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        move(p, "DELIBERATION");
        String at = "/api/v1/proposals/" + p.id();
        ProposalFixture.declare(DAVE, p, 0, 5);
        String daves = as(DAVE).get(at + "/stakes/mine").then().extract().path("id");
        String challenge = as(People.ERIN)
                .body(Map.of("reason", "Dave is a tenant like the rest"))
                .post(at + "/stakes/" + daves + "/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(CAROL)
                .body(Map.of("decision", "LOWER", "level", 2))
                .post(at + "/challenges/" + challenge + "/resolution")
                .then()
                .statusCode(200);
        awaitReceived("/challenges", 2);
        List<JsonNode> bodies = receiver.at("/challenges").stream()
                .peek(r -> assertTrue(WebhookReceiver.verify(secret, r)))
                .map(this::body)
                .toList();
        JsonNode raised = bodies.stream()
                .filter(b -> b.path("type").asText().equals("challenge.raised"))
                .findFirst()
                .orElseThrow();
        JsonNode ruled = bodies.stream()
                .filter(b -> b.path("type").asText().equals("challenge.resolved"))
                .findFirst()
                .orElseThrow();
        assertEquals(challenge, raised.path("data").path("challenge").path("id").asText());
        assertEquals(5, raised.path("data").path("challenge").path("level").asInt());
        assertEquals(
                "LOWERED", ruled.path("data").path("challenge").path("ruling").asText());
        assertEquals(2, ruled.path("data").path("challenge").path("level").asInt());
        assertFalse(raised.toString().contains("tenant like the rest"), "no reason, no names: " + raised);
    }

    @Test
    void aRotatedSecretSignsAndThePreviousOneAlsoSignsDuringTheGrace() {
        Setup s = endpointFor("/rotated", List.of("proposal.deliberation_opened", "proposal.voting_opened"));
        String rotated = as(CAROL)
                .post("/api/v1/circles/" + s.proposal().circle() + "/webhooks/" + s.endpoint() + "/rotation")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        assertNotEquals(s.secret(), rotated);
        assertTrue(rotated.startsWith("whsec_"));
        move(s.proposal(), "DELIBERATION");
        awaitReceived("/rotated", 1);
        WebhookReceiver.Received during = receiver.at("/rotated").get(0);
        assertTrue(WebhookReceiver.verify(rotated, during), "the new secret signs");
        assertTrue(WebhookReceiver.verify(s.secret(), during), "and, during the grace, the previous one");
        assertEquals(2, during.header("webhook-signature").split(" ").length);

        clock.runFrom(Instant.now().plus(Duration.ofHours(25)));
        move(s.proposal(), "VOTING");
        awaitReceived("/rotated", 2);
        WebhookReceiver.Received after = receiver.at("/rotated").get(1);
        assertTrue(WebhookReceiver.verify(rotated, after), "the new secret signs");
        assertFalse(WebhookReceiver.verify(s.secret(), after), "the previous one no longer, after the grace");
    }

    @Test
    void aDeliveryFailingForADayIsGivenUpAndCanBeRedelivered() {
        Setup s = endpointFor("/down", List.of("proposal.deliberation_opened"));
        receiver.answerAlways(503);
        move(s.proposal(), "DELIBERATION");
        awaitReceived("/down", 1);
        clock.runFrom(Instant.now().plus(Duration.ofHours(25)));
        assertTrue(WebhookReceiver.await(
                PATIENCE, sender::sendDue, () -> "FAILED".equals(log(s).get(0).get("status"))));
        Map<String, Object> failed = log(s).get(0);
        assertEquals(503, failed.get("lastStatusCode"));
        assertEquals(null, failed.get("nextAttemptAt"));
        int attempts = receiver.at("/down").size();
        sender.sendDue();
        assertEquals(attempts, receiver.at("/down").size(), "a delivery given up is not tried again by itself");

        receiver.answerAlways(200);
        String base = "/api/v1/circles/" + s.proposal().circle() + "/webhooks/" + s.endpoint();
        as(CAROL)
                .post(base + "/deliveries/" + failed.get("id") + "/redelivery")
                .then()
                .statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        awaitReceived("/down", attempts + 1);
        assertTrue(WebhookReceiver.await(
                PATIENCE,
                sender::sendDue,
                () -> "SUCCEEDED".equals(log(s).get(0).get("status"))));
        List<WebhookReceiver.Received> got = receiver.at("/down");
        assertEquals(got.get(0).header("webhook-id"), got.get(got.size() - 1).header("webhook-id"));
    }

    @Test
    void aSlowReceiverHoldsUpNeitherThePhaseChangeNorAnotherEndpoint() {
        Setup slow = endpointFor("/slow", List.of("proposal.deliberation_opened"));
        Setup fast = endpointFor("/fast", List.of("proposal.deliberation_opened"));
        receiver.delay(Duration.ofMillis(2500)); // both paths are on this receiver: make only the slow one slow
        WebhookReceiver other;
        try {
            other = WebhookReceiver.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            as(CAROL)
                    .body(Map.of("url", other.url("/fast")))
                    .patch("/api/v1/circles/" + fast.proposal().circle() + "/webhooks/" + fast.endpoint())
                    .then()
                    .statusCode(200);
            long started = System.nanoTime();
            move(slow.proposal(), "DELIBERATION");
            move(fast.proposal(), "DELIBERATION");
            assertTrue(
                    Duration.ofNanos(System.nanoTime() - started).toMillis() < 2000,
                    "the phase changes do not wait for the receiver");
            Outboxes.drain();
            long sending = System.nanoTime();
            sender.tick(); // starts both, waits for neither
            assertTrue(
                    WebhookReceiver.await(
                            Duration.ofSeconds(2),
                            () -> {},
                            () -> other.at("/fast").size() == 1),
                    "the fast endpoint is served while the slow one still waits");
            assertTrue(Duration.ofNanos(System.nanoTime() - sending).toMillis() < 2000);
            assertEquals(0, receiver.at("/slow").size(), "the slow one has not answered yet");
            awaitReceived("/slow", 1);
        } finally {
            other.close();
        }
    }

    private String type(WebhookReceiver.Received r) {
        return body(r).path("type").asText();
    }

    private JsonNode body(WebhookReceiver.Received r) {
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int byPhase(String a, String b) {
        List<String> order = List.of("proposal.deliberation_opened", "proposal.voting_opened", "proposal.closed");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }

    private static void assertThrows(Runnable r) {
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, r::run);
    }
}
