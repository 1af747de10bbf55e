package org.devolve;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devolve.testing.KeycloakTokens;
import org.devolve.testing.RealKeycloak;
import org.devolve.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's "done when", end to end against the packaged service and the real Keycloak: an integration (a Keycloak
 * client of the client-credentials grant, made as the dev realm's demo one is) registered by an admin and made facilitator of its circle drives a
 * decision itself — it drafts the proposal, registers the circle's webhook, opens deliberation and voting, closes it
 * — while people declare and vote; it learns the result by a signed webhook, and the result it was sent is the one
 * the API publishes, with the ledger head the ledger has.
 */
@QuarkusIntegrationTest
@WithTestResource(value = RealKeycloak.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IntegratorJourneyIT {

    private static RequestSpecification as(String user) {
        return with(KeycloakTokens.of(user));
    }

    private static RequestSpecification with(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static String id(String user) {
        return as(user).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    @Test
    void anIntegrationDrivesADecisionAndLearnsItsResultByWebhook() throws Exception {
        String circle = as("alice")
                .body(Map.of(
                        "name", "Tenants' register " + Long.toString(System.nanoTime(), 36), "kind", "COOPERATIVE"))
                .post("/api/v1/circles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (String member : List.of("bob", "dave")) {
            as("alice")
                    .body(Map.of("role", "MEMBER"))
                    .put("/api/v1/circles/" + circle + "/members/" + id(member))
                    .then()
                    .statusCode(201);
        }
        // a Keycloak client of its own (the demo one is ServiceAccountIT's: a client id registers once)
        String clientId = "tenants-register-" + Long.toString(System.nanoTime(), 36);
        String clientSecret = "journey-test-secret-" + Long.toString(System.nanoTime(), 36);
        KeycloakTokens.createServiceAccountClient(clientId, clientSecret);
        String integration = as("alice")
                .body(Map.of("name", "Tenants' register sync", "clientId", clientId, "ownerCircle", circle))
                .post("/api/v1/integrations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("alice")
                .body(Map.of("role", "FACILITATOR"))
                .put("/api/v1/circles/" + circle + "/members/" + integration)
                .then()
                .statusCode(200);
        String token = KeycloakTokens.clientCredentials(clientId, clientSecret);

        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // the integration, as the circle's facilitator, subscribes its own receiver
            String secret = with(token)
                    .body(Map.of(
                            "url",
                            receiver.url("/devolve"),
                            "events",
                            List.of("proposal.voting_opened", "proposal.closed")))
                    .post("/api/v1/circles/" + circle + "/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("secret");

            String proposal = with(token)
                    .body(Map.of(
                            "title",
                            "Adopt the register's new house rules",
                            "method",
                            "APPROVE_REJECT",
                            "weighting",
                            Map.of("policy", "LINEAR"),
                            "affectedGroups",
                            List.of(Map.of("name", "Every household", "suggestedLevel", 3))))
                    .post("/api/v1/circles/" + circle + "/proposals")
                    .then()
                    .statusCode(201)
                    .body("author.displayName", equalTo("Tenants' register sync"))
                    .extract()
                    .path("id");
            String at = "/api/v1/proposals/" + proposal;
            with(token)
                    .body(Map.of("phase", "DELIBERATION"))
                    .post(at + "/phase")
                    .then()
                    .statusCode(200);
            String group = as("bob").get(at).then().statusCode(200).extract().path("affectedGroups[0].id");
            for (Map.Entry<String, Integer> stake : Map.of("bob", 3, "dave", 1).entrySet()) {
                as(stake.getKey())
                        .body(Map.of("groupId", group, "level", stake.getValue(), "reason", ""))
                        .put(at + "/stakes/mine")
                        .then()
                        .statusCode(200);
            }
            with(token)
                    .body(Map.of("phase", "VOTING"))
                    .post(at + "/phase")
                    .then()
                    .statusCode(200);
            as("bob").body(Map.of("stance", "FOR")).put(at + "/ballot").then().statusCode(201);
            as("dave")
                    .body(Map.of("stance", "AGAINST"))
                    .put(at + "/ballot")
                    .then()
                    .statusCode(201);
            with(token)
                    .body(Map.of("phase", "CLOSED"))
                    .post(at + "/phase")
                    .then()
                    .statusCode(200);

            assertTrue(
                    WebhookReceiver.await(
                            Duration.ofSeconds(60),
                            () -> {},
                            () -> receiver.at("/devolve").size() >= 2),
                    "both events delivered: " + receiver.received());
            List<WebhookReceiver.Received> got = receiver.at("/devolve");
            for (WebhookReceiver.Received r : got) {
                assertTrue(WebhookReceiver.verify(secret, r), "signed with the endpoint's secret: " + r.headers());
            }
            // Deliveries are not ordered (up to four of an endpoint go at once; docs/integrations.md): a receiver
            // tells events apart by type and orders them by timestamp, which follows the changes.
            Map<String, JsonPath> byType = new HashMap<>();
            for (WebhookReceiver.Received r : got) {
                JsonPath event = JsonPath.from(r.body());
                assertNull(byType.put(event.getString("type"), event), "each event once: " + receiver.received());
            }
            assertEquals(Set.of("proposal.voting_opened", "proposal.closed"), byType.keySet());
            JsonPath voting = byType.get("proposal.voting_opened");
            assertEquals(proposal, voting.getString("data.proposal.id"));
            JsonPath closed = byType.get("proposal.closed");
            assertTrue(
                    Instant.parse(voting.getString("timestamp")).isBefore(Instant.parse(closed.getString("timestamp"))),
                    "the voting event's timestamp comes before the close's");

            // what the webhook said is what the API publishes: bob 3 FOR, dave 1 AGAINST, adopted
            JsonPath result = with(token)
                    .get(at + "/result")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals("ADOPTED", closed.getString("data.result.outcome"));
            assertEquals(result.getString("tally.outcome"), closed.getString("data.result.outcome"));
            assertEquals(result.getList("tally.totals"), closed.getList("data.result.totals"));
            assertEquals(result.getString("resultSha256"), closed.getString("data.result.resultSha256"));
            JsonPath ledger = with(token)
                    .get(at + "/ledger?limit=100")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> hashes = ledger.getList("items.hash");
            assertEquals(hashes.get(hashes.size() - 1), closed.getString("data.ledgerHead.hash"));
            with(token).get(at + "/ledger/verify").then().statusCode(200).body("valid", equalTo(true));
        }
    }
}
