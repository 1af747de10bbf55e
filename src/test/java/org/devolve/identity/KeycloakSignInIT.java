package org.devolve.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.devolve.testing.KeycloakTokens;
import org.devolve.testing.RealKeycloak;
import org.junit.jupiter.api.Test;

/** The packaged service against the real Keycloak and its demo realm. */
@QuarkusIntegrationTest
@WithTestResource(value = RealKeycloak.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KeycloakSignInIT {

    @Test
    void aDemoUsersPasswordGrantTokenShowsWhoTheyAre() {
        given().auth()
                .oauth2(KeycloakTokens.of("bob"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("bob"))
                .body("displayName", equalTo("Bob Okafor"))
                .body("email", equalTo("bob@devolve.example"))
                .body("roles", hasItem("member"));
        given().auth()
                .oauth2(KeycloakTokens.of("alice"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Alice Moreau"))
                .body("roles", hasItems("admin", "member"));
    }

    @Test
    void tokensOfOtherClientsOfTheRealmAreRefused() {
        for (String client : new String[] {"admin-cli", "account-console"}) {
            given().auth()
                    .oauth2(KeycloakTokens.grant(client, "bob", "access_token"))
                    .get("/api/v1/me")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("code", equalTo("NOT_AUTHENTICATED"));
        }
    }

    @Test
    void anIdTokenIsRefusedWhereItsAccessTokenWorks() {
        given().auth()
                .oauth2(KeycloakTokens.grant("devolve-cli", "carol", "id_token"))
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(KeycloakTokens.grant("devolve-cli", "carol", "access_token"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("carol"));
    }

    @Test
    void withoutATokenTheServiceAnswers401Problem() {
        given().get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-authenticated"));
    }

    @Test
    void aMemberCallingAnAdminEndpointGets403Problem() {
        given().auth()
                .oauth2(KeycloakTokens.of("carol"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Carol's circle", "kind", "OTHER"))
                .post("/api/v1/circles")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void anAdminCreatesACircleThatAMemberThenLists() {
        String name = "Integration " + System.nanoTime();
        given().auth()
                .oauth2(KeycloakTokens.of("alice"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "CITY"))
                .post("/api/v1/circles")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(KeycloakTokens.of("dave"))
                .queryParam("q", name)
                .get("/api/v1/circles")
                .then()
                .statusCode(200)
                .body("items.name", hasItem(name));
    }
}
