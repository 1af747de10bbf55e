package org.devolve;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.devolve.testing.KeycloakTokens;
import org.devolve.testing.RealKeycloak;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through with the real Keycloak and the packaged service: the dev realm's demo integration gets a
 * token by the client-credentials grant and does what its grants allow (list a circle's proposals, draft one, then,
 * made a facilitator, manage the circle), and gets 403 beyond them (another circle, a facilitator's action before it
 * was granted, everything once disabled).
 */
@QuarkusIntegrationTest
@WithTestResource(value = RealKeycloak.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ServiceAccountIT {

    private static RequestSpecification as(String user) {
        return with(KeycloakTokens.of(user));
    }

    private static RequestSpecification with(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static String id(String user) {
        return as(user).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    private static String circle(String name) {
        return as("alice")
                .body(Map.of("name", name + " " + Long.toString(System.nanoTime(), 36), "kind", "COOPERATIVE"))
                .post("/api/v1/circles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> proposal(String title) {
        return Map.of(
                "title",
                title,
                "summary",
                "Filed by the members' register",
                "method",
                "APPROVE_REJECT",
                "weighting",
                Map.of("policy", "LINEAR"),
                "affectedGroups",
                List.of(Map.of("name", "Everyone here", "suggestedLevel", 3)));
    }

    @Test
    void aServiceAccountDoesWhatItsGrantsAllowAndNothingMore() {
        String owner = circle("Register owner");
        String other = circle("Not its circle");
        String name = "Members' register";
        String integration = as("alice")
                .body(Map.of("name", name, "clientId", KeycloakTokens.DEMO_INTEGRATION, "ownerCircle", owner))
                .post("/api/v1/integrations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // Step 1 of the walk-through: a token by client credentials.
        String token = KeycloakTokens.clientCredentials(
                KeycloakTokens.DEMO_INTEGRATION, KeycloakTokens.DEMO_INTEGRATION_SECRET);
        with(token)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(integration))
                .body("displayName", equalTo(name));

        // Step 3: draft a proposal in its circle; it is shown under the integration's name.
        String proposal = with(token)
                .body(proposal("Adopt the register's new member list"))
                .post("/api/v1/circles/" + owner + "/proposals")
                .then()
                .statusCode(201)
                .body("author.displayName", equalTo(name))
                .extract()
                .path("id");
        // Step 2: list the circle's proposals (open ones: `phase=DELIBERATION`; its own draft is listed without it).
        with(token)
                .queryParam("circle", owner)
                .get("/api/v1/proposals")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(proposal));
        with(token)
                .queryParam("circle", owner)
                .queryParam("phase", "DELIBERATION")
                .get("/api/v1/proposals")
                .then()
                .statusCode(200);

        // Beyond its grants.
        with(token)
                .body(proposal("Not ours to propose"))
                .post("/api/v1/circles/" + other + "/proposals")
                .then()
                .statusCode(403);
        String bob = id("bob");
        with(token)
                .body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + owner + "/members/" + bob)
                .then()
                .statusCode(403);
        with(token).get("/api/v1/integrations").then().statusCode(403);

        // Granted the facilitator role like a person, it may.
        as("alice")
                .body(Map.of("role", "FACILITATOR"))
                .put("/api/v1/circles/" + owner + "/members/" + integration)
                .then()
                .statusCode(200);
        with(token)
                .body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + owner + "/members/" + bob)
                .then()
                .statusCode(201);

        // Disabled: the same, unexpired token is refused at once.
        as("alice")
                .post("/api/v1/integrations/" + integration + "/disable")
                .then()
                .statusCode(200);
        with(token).queryParam("circle", owner).get("/api/v1/proposals").then().statusCode(403);
        with(token)
                .body(proposal("After the end"))
                .post("/api/v1/circles/" + owner + "/proposals")
                .then()
                .statusCode(403);
        as("alice")
                .post("/api/v1/integrations/" + integration + "/enable")
                .then()
                .statusCode(200);
        with(token).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aServiceAccountTokenForAnotherAudienceOrOfAnUnregisteredClientIsRefused() {
        String owner = circle("Audience");
        String suffix = Long.toString(System.nanoTime(), 36);
        // a client made for another system of the realm: its tokens do not name Devolve's audience
        String elsewhere = "chat-bridge-" + suffix;
        KeycloakTokens.createServiceAccountClient(elsewhere, "elsewhere-secret-" + suffix, false);
        String foreign = KeycloakTokens.clientCredentials(elsewhere, "elsewhere-secret-" + suffix);
        with(foreign).get("/api/v1/me").then().statusCode(401);
        // registered or not, the audience is checked first, as for a person's token
        as("alice")
                .body(Map.of("name", "Chat bridge", "clientId", elsewhere, "ownerCircle", owner))
                .post("/api/v1/integrations")
                .then()
                .statusCode(201);
        with(foreign).get("/api/v1/me").then().statusCode(401);
        with(foreign)
                .queryParam("circle", owner)
                .get("/api/v1/proposals")
                .then()
                .statusCode(401);

        // Devolve's audience, but no admin registered it: 403, named as such, and nothing it asks is done
        String unknown = "unregistered-" + suffix;
        KeycloakTokens.createServiceAccountClient(unknown, "unregistered-secret-" + suffix, true);
        String unregistered = KeycloakTokens.clientCredentials(unknown, "unregistered-secret-" + suffix);
        with(unregistered)
                .get("/api/v1/me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("not registered"));
        with(unregistered)
                .body(proposal("Slipped in"))
                .post("/api/v1/circles/" + owner + "/proposals")
                .then()
                .statusCode(403);
        as("alice")
                .queryParam("circle", owner)
                .get("/api/v1/proposals")
                .then()
                .statusCode(200)
                .body("items.title", org.hamcrest.Matchers.not(hasItem("Slipped in")));
    }
}
