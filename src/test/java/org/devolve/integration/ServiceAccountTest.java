package org.devolve.integration;

import static io.restassured.RestAssured.given;
import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.devolve.testing.ProposalFixture;
import org.devolve.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Service accounts: a client-credentials token of a registered integration acts as the member the admin registered,
 * with the roles facilitators granted it and no others, under its registered name; unregistered or disabled, it is
 * refused with 403 on its very next request. (IntegrationIT does the same with the real Keycloak.)
 */
@QuarkusTest
class ServiceAccountTest {

    /** A token shaped like Keycloak's for the service account of {@code clientId}. */
    static String serviceToken(String clientId, List<String> roles) {
        Map<String, Object> claims = TestTokens.claims("service-account-" + clientId, "ignored", roles);
        claims.put("sub", "sa-" + clientId);
        claims.put("azp", clientId);
        claims.remove("name");
        claims.remove("email");
        return TestTokens.signed(claims);
    }

    static RequestSpecification asIntegration(String clientId) {
        return asIntegration(clientId, List.of("member"));
    }

    static RequestSpecification asIntegration(String clientId, List<String> roles) {
        return given().auth()
                .oauth2(serviceToken(clientId, roles))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static String register(String name, String clientId, String ownerCircle) {
        return as(ALICE)
                .body(Map.of("name", name, "clientId", clientId, "ownerCircle", ownerCircle))
                .post("/api/v1/integrations")
                .then()
                .statusCode(201)
                .body("name", equalTo(name))
                .body("clientId", equalTo(clientId))
                .body("enabled", equalTo(true))
                .body("ownerCircle.id", equalTo(ownerCircle))
                .extract()
                .path("id");
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void anIntegrationActsWithTheRolesItWasGrantedAndNoOthers() {
        String owner = aCircle("Register owner").facilitatedBy(BOB).create();
        String other = aCircle("Elsewhere").facilitatedBy(CAROL).create();
        String clientId = unique("register");
        String name = "Members' register " + clientId;
        String id = register(name, clientId, owner);

        // It is a plain member of its owner circle, listed by its name like anyone.
        as(BOB).get("/api/v1/circles/" + owner + "/members")
                .then()
                .statusCode(200)
                .body("items.find { it.member.id == '" + id + "' }.role", equalTo("MEMBER"));
        asIntegration(clientId).get("/api/v1/me").then().statusCode(200).body("id", equalTo(id));

        // A member may draft a proposal for its circle: the proposal names the integration as its author.
        String proposal = asIntegration(clientId)
                .body(ProposalFixture.aProposal().content())
                .post("/api/v1/circles/" + owner + "/proposals")
                .then()
                .statusCode(201)
                .body("author.id", equalTo(id))
                .body("author.displayName", equalTo(name))
                .extract()
                .path("id");
        asIntegration(clientId)
                .queryParam("circle", owner)
                .get("/api/v1/proposals")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(proposal));

        // Beyond its grants: another circle, and a facilitator's action.
        asIntegration(clientId)
                .body(ProposalFixture.aProposal().content())
                .post("/api/v1/circles/" + other + "/proposals")
                .then()
                .statusCode(403);
        asIntegration(clientId)
                .body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + owner + "/members/" + idOf(CAROL))
                .then()
                .statusCode(403);
        asIntegration(clientId)
                .body(Map.of("addresses", "someone@example.org"))
                .post("/api/v1/circles/" + owner + "/invitations")
                .then()
                .statusCode(403);

        // A facilitator grants it the facilitator role, like a person's: then it may.
        as(BOB).body(Map.of("role", "FACILITATOR"))
                .put("/api/v1/circles/" + owner + "/members/" + id)
                .then()
                .statusCode(200);
        asIntegration(clientId)
                .body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + owner + "/members/" + idOf(CAROL))
                .then()
                .statusCode(201);
    }

    @Test
    void aDisabledIntegrationIsRefusedAtOnceAndCanBeEnabledAgain() {
        String owner = aCircle("Disabled owner").facilitatedBy(BOB).create();
        String clientId = unique("chat-bot");
        String id = register("Chat bot " + clientId, clientId, owner);
        asIntegration(clientId).get("/api/v1/me").then().statusCode(200);

        as(BOB).post("/api/v1/integrations/" + id + "/disable").then().statusCode(403);
        as(ALICE)
                .post("/api/v1/integrations/" + id + "/disable")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false));
        // The same token as before, well within its lifetime.
        asIntegration(clientId)
                .get("/api/v1/me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
        asIntegration(clientId)
                .queryParam("circle", owner)
                .get("/api/v1/proposals")
                .then()
                .statusCode(403);

        as(ALICE)
                .post("/api/v1/integrations/" + id + "/enable")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true));
        asIntegration(clientId).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void anUnregisteredServiceAccountIsNobody() {
        String owner = aCircle("Unregistered").facilitatedBy(BOB).create();
        String clientId = unique("stranger");
        asIntegration(clientId).get("/api/v1/me").then().statusCode(403);
        asIntegration(clientId)
                .body(ProposalFixture.aProposal().content())
                .post("/api/v1/circles/" + owner + "/proposals")
                .then()
                .statusCode(403);
    }

    @Test
    void anIntegrationIsNeverAnAdminWhateverItsRealmRoles() {
        String owner = aCircle("Admin role").facilitatedBy(BOB).create();
        String clientId = unique("overreach");
        register("Overreach " + clientId, clientId, owner);
        asIntegration(clientId, List.of("member", "admin"))
                .body(Map.of("name", "Taken over", "clientId", unique("x"), "ownerCircle", owner))
                .post("/api/v1/integrations")
                .then()
                .statusCode(403);
        asIntegration(clientId, List.of("member", "admin"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of("member")));
    }

    @Test
    void onlyAdminsRegisterAndAClientIdIsRegisteredOnce() {
        String owner = aCircle("Registering").facilitatedBy(BOB).create();
        String clientId = unique("twice");
        as(BOB).body(Map.of("name", "Mine", "clientId", clientId, "ownerCircle", owner))
                .post("/api/v1/integrations")
                .then()
                .statusCode(403);
        register("First " + clientId, clientId, owner);
        as(ALICE)
                .body(Map.of("name", "Second", "clientId", clientId, "ownerCircle", owner))
                .post("/api/v1/integrations")
                .then()
                .statusCode(409)
                .body("code", equalTo("CLIENT_TAKEN"));
        as(ALICE)
                .body(Map.of("name", " ", "clientId", "has spaces", "ownerCircle", owner))
                .post("/api/v1/integrations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("clientId"));
        as(ALICE).get("/api/v1/integrations").then().statusCode(200).body("items.clientId", hasItem(clientId));
        as(BOB).get("/api/v1/integrations").then().statusCode(403);
    }
}
