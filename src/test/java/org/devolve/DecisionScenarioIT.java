package org.devolve;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.devolve.tally.io.LedgerReplay;
import org.devolve.testing.KeycloakTokens;
import org.devolve.testing.RealKeycloak;
import org.junit.jupiter.api.Test;

/**
 * The whole decision as the demo users live it, against the packaged service and the real Keycloak: alice
 * (admin) sets up the circle; bob proposes; stakes, a challenge lowered by carol, a delegation from dave;
 * votes; the close. The export is then recounted by {@code target/devolve-recount.jar}, in a process of its
 * own, and must give the same totals as the service. {@code dev/scenario.sh} runs it against the service
 * that {@code ./devolve run} started ({@code -Dquarkus.http.test-host}/{@code -port}, and {@code KEYCLOAK_URL}
 * for its Keycloak).
 */
@QuarkusIntegrationTest
@WithTestResource(value = RealKeycloak.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DecisionScenarioIT {

    private static RequestSpecification as(String user) {
        return given().auth()
                .oauth2(KeycloakTokens.of(user))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static String id(String user) {
        return as(user).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    @Test
    void theDemoUsersDecideAndTheRecountJarAgrees() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String circle = as("alice")
                .body(Map.of("name", "Riverside " + suffix, "kind", "COOPERATIVE"))
                .post("/api/v1/circles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("alice")
                .body(Map.of("role", "FACILITATOR"))
                .put("/api/v1/circles/" + circle + "/members/" + id("carol"))
                .then()
                .statusCode(201);
        for (String member : List.of("bob", "dave", "erin")) {
            as("alice")
                    .body(Map.of("role", "MEMBER"))
                    .put("/api/v1/circles/" + circle + "/members/" + id(member))
                    .then()
                    .statusCode(201);
        }
        String proposal = as("bob")
                .body(Map.of(
                        "title", "Solar panels on the roof",
                        "method", "APPROVE_REJECT",
                        "weighting", Map.of("policy", "SQRT"),
                        "threshold", Map.of("rule", "TWO_THIRDS"),
                        "quorum", Map.of("turnoutPercent", 50),
                        "affectedGroups",
                                List.of(
                                        Map.of("name", "Top-floor tenants", "suggestedLevel", 4),
                                        Map.of("name", "Other tenants", "suggestedLevel", 2))))
                .post("/api/v1/circles/" + circle + "/proposals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String at = "/api/v1/proposals/" + proposal;
        as("bob")
                .body(Map.of("phase", "DELIBERATION"))
                .post(at + "/phase")
                .then()
                .statusCode(200);
        JsonPath p = as("dave").get(at).then().statusCode(200).extract().jsonPath();
        String top = p.getString("affectedGroups[0].id");
        String others = p.getString("affectedGroups[1].id");
        declare("bob", at, top, 4, "");
        declare("carol", at, others, 2, "");
        declare("dave", at, others, 1, "");
        declare("erin", at, others, 4, "The installers will work above my flat for a month");
        String erinsStake =
                as("bob").get(at + "/stakes?flagged=true").then().extract().path("items[0].id");
        String challenge = as("bob")
                .body(Map.of("reason", "A month of works is minor"))
                .post(at + "/stakes/" + erinsStake + "/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("carol")
                .body(Map.of("decision", "LOWER", "level", 2))
                .post(at + "/challenges/" + challenge + "/resolution")
                .then()
                .statusCode(200);
        as("dave")
                .body(Map.of("delegateId", id("bob")))
                .put(at + "/delegation")
                .then()
                .statusCode(200);
        as("carol").body(Map.of("phase", "VOTING")).post(at + "/phase").then().statusCode(200);
        as("bob").body(Map.of("stance", "FOR")).put(at + "/ballot").then().statusCode(201);
        as("carol").body(Map.of("stance", "AGAINST")).put(at + "/ballot").then().statusCode(201);
        as("erin").body(Map.of("stance", "FOR")).put(at + "/ballot").then().statusCode(201);
        as("carol").body(Map.of("phase", "CLOSED")).post(at + "/phase").then().statusCode(200);

        // FOR: bob √4 = 2 + dave √1 = 1 (delegated) + erin √2; AGAINST: carol √2. √2 rounds to 1.414214: 4.414214 of
        // 5.828428 > 2/3.
        JsonPath result = as("erin")
                .get(at + "/result")
                .then()
                .statusCode(200)
                .body("tally.outcome", equalTo("ADOPTED"))
                .body("tally.totals[0]", equalTo("4.414214"))
                .body("tally.totals[1]", equalTo("1.414214"))
                .body("tally.delegation.delegatorsFollowed", equalTo(1))
                .extract()
                .jsonPath();
        as("dave").get(at + "/ledger/verify").then().body("valid", equalTo(true));

        Path export = Files.createTempFile("devolve-export", ".json");
        Files.writeString(
                export,
                as("dave")
                        .get(at + "/export.json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        Process recount = new ProcessBuilder("java", "-jar", "target/devolve-recount.jar", export.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(recount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(recount.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, recount.exitValue(), out);
        JsonPath recounted = JsonPath.from(out);
        assertEquals(result.getList("tally.totals"), recounted.getList("totals"));
        assertEquals(result.getString("tally.outcome"), recounted.getString("outcome"));
        assertEquals(result.getString("ledgerHead"), recounted.getString("ledgerHead"));

        // The ledger alone, with the same jar: checked, replayed and recounted to the published result, byte for byte.
        Path ledger = Files.createTempFile("devolve-ledger", ".json");
        Files.write(
                ledger,
                as("dave")
                        .get(at + "/ledger/export")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());
        Process replay =
                new ProcessBuilder("java", "-jar", "target/devolve-recount.jar", "--ledger", ledger.toString()).start();
        byte[] fromLedger = replay.getInputStream().readAllBytes();
        String errors = new String(replay.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(replay.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, replay.exitValue(), errors);
        assertEquals(result.getString("resultSha256"), LedgerReplay.sha256(fromLedger));
    }

    private static void declare(String user, String at, String group, int level, String reason) {
        as(user).body(Map.of("groupId", group, "level", level, "reason", reason))
                .put(at + "/stakes/mine")
                .then()
                .statusCode(200);
    }
}
