package org.devolve;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.devolve.testing.KeycloakTokens;
import org.devolve.testing.RealKeycloak;
import org.junit.jupiter.api.Test;

/**
 * Invitations with the real Keycloak and the packaged service: alice invites an address; a person who was not in the
 * realm registers (through Keycloak's admin API, as the registration form would), follows the link, joins, and the
 * circle lists them; an altered link is refused.
 */
@QuarkusIntegrationTest
@WithTestResource(value = RealKeycloak.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InvitationIT {

    private static final String LINK_START = "http://localhost:8080/invitations/";

    private static RequestSpecification with(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    @Test
    void aNewPersonFollowsTheLinkAndLandsInTheCircle() {
        String alice = KeycloakTokens.of("alice");
        String suffix = Long.toString(System.nanoTime(), 36);
        String circle = with(alice)
                .body(Map.of("name", "Garden households " + suffix, "kind", "COOPERATIVE"))
                .post("/api/v1/circles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String address = "newcomer-" + suffix + "@example.org";
        String link = with(alice)
                .body(Map.of("addresses", address))
                .post("/api/v1/circles/" + circle + "/invitations")
                .then()
                .statusCode(201)
                .body("invitations[0].address", equalTo(address))
                .extract()
                .path("invitations[0].link");
        org.junit.jupiter.api.Assertions.assertTrue(link.startsWith(LINK_START), link);
        String token = link.substring(LINK_START.length());

        String username = "newcomer-" + suffix;
        KeycloakTokens.createUser(username, "Nia", "Newcomer", address, "a-long-test-password-" + suffix);
        String newcomer = KeycloakTokens.password(username, "a-long-test-password-" + suffix);

        // An altered link first: refused, and nothing changes.
        String altered = token.substring(0, token.indexOf('~') + 1) + "x" + token.substring(token.indexOf('~') + 2);
        with(newcomer)
                .post("/api/v1/invitations/" + altered + "/accept")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVITATION_INVALID"));
        with(newcomer).get("/api/v1/circles/" + circle).then().statusCode(200).body("myRole", equalTo(null));

        with(newcomer)
                .get("/api/v1/invitations/" + token)
                .then()
                .statusCode(200)
                .body("circle.id", equalTo(circle))
                .body("member", equalTo(false));
        with(newcomer)
                .post("/api/v1/invitations/" + token + "/accept")
                .then()
                .statusCode(200)
                .body("joined", equalTo(true));
        with(newcomer).get("/api/v1/circles/" + circle).then().body("myRole", equalTo("MEMBER"));
        with(alice)
                .get("/api/v1/circles/" + circle + "/members")
                .then()
                .statusCode(200)
                .body("items.member.displayName", hasItem("Nia Newcomer"));
        // Single use: someone else cannot follow it again.
        with(KeycloakTokens.of("bob"))
                .post("/api/v1/invitations/" + token + "/accept")
                .then()
                .statusCode(409)
                .body("code", equalTo("INVITATION_USED"));
    }
}
