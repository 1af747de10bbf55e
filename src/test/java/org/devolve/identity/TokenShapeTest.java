package org.devolve.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.devolve.testing.People;
import org.devolve.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Tokens the service must refuse although they are signed by the realm's key: another audience, an ID
 * token, no {@code member} role, no subject; and token shapes that must never give a 500.
 */
@QuarkusTest
class TokenShapeTest {

    private static ValidatableResponse me(Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = TestTokens.claims("shape-" + System.nanoTime(), "Token Shape", List.of("member"));
        change.accept(claims);
        return given().auth()
                .oauth2(TestTokens.signed(claims))
                .accept("application/json")
                .get("/api/v1/me")
                .then();
    }

    private static void refusedAsUnauthenticated(Consumer<Map<String, Object>> change) {
        me(change)
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_AUTHENTICATED"))
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void theUnchangedTestTokenIsAccepted() {
        me(c -> {}).statusCode(200).body("displayName", equalTo("Token Shape"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refusedAsUnauthenticated(c -> c.put("aud", "account"));
        refusedAsUnauthenticated(c -> c.put("aud", List.of("account", "broker")));
        refusedAsUnauthenticated(c -> c.remove("aud"));
    }

    @Test
    void aTokenOfAnotherClientOfTheRealmIsRefused() {
        // what account-console and admin-cli get from the realm: no Devolve audience
        refusedAsUnauthenticated(c -> {
            c.put("azp", "account-console");
            c.put("aud", "account");
        });
        refusedAsUnauthenticated(c -> {
            c.put("azp", "admin-cli");
            c.remove("aud");
        });
    }

    @Test
    void anIdTokenIsRefused() {
        refusedAsUnauthenticated(c -> {
            c.put("typ", "ID");
            c.put("aud", "devolve");
        });
        refusedAsUnauthenticated(c -> c.remove("typ"));
    }

    @Test
    void withoutTheMemberRoleEveryApiEndpointIs403() {
        Consumer<Map<String, Object>> noRoles = c -> c.put("realm_access", Map.of("roles", List.of("offline_access")));
        me(noRoles).statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        Map<String, Object> claims = TestTokens.claims("norole", "No Role", List.of("offline_access"));
        String token = TestTokens.signed(claims);
        for (String path : List.of(
                "/api/v1/circles",
                "/api/v1/proposals",
                "/api/v1/members?q=a",
                "/api/v1/notifications",
                "/api/v1/me/delegations",
                "/api/v1/me/budgets")) {
            given().auth().oauth2(token).get(path).then().statusCode(403).contentType("application/problem+json");
        }
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("name", "X", "kind", "CITY"))
                .post("/api/v1/circles")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        // admin without member: the admin endpoints still need a member
        Map<String, Object> adminOnly = TestTokens.claims("adminonly", "Admin Only", List.of("admin"));
        given().auth()
                .oauth2(TestTokens.signed(adminOnly))
                .contentType("application/json")
                .body(Map.of("name", "Y", "kind", "CITY"))
                .post("/api/v1/circles")
                .then()
                .statusCode(403);
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        refusedAsUnauthenticated(c -> c.remove("sub"));
        refusedAsUnauthenticated(c -> c.put("sub", ""));
        refusedAsUnauthenticated(c -> c.put("sub", 42));
        refusedAsUnauthenticated(c -> c.put("sub", "sub\u0000nul"));
    }

    @Test
    void oddNameClaimsNeverGiveA500() {
        me(c -> {
                    c.remove("preferred_username");
                    c.remove("name");
                    c.remove("email");
                })
                .statusCode(200)
                .body("username", org.hamcrest.Matchers.startsWith("sub-shape-"));
        me(c -> {
                    c.put("name", Map.of("first", "x"));
                    c.put("preferred_username", 7);
                    c.put("email", true);
                })
                .statusCode(200);
        me(c -> c.put("name", "Nul\u0000Name\u0007")).statusCode(200).body("displayName", equalTo("NulName"));
        me(c -> c.put("name", "   ")).statusCode(200);
        me(c -> c.put("name", "x".repeat(5000))).statusCode(200);
        me(c -> c.put("realm_access", "member")).statusCode(org.hamcrest.Matchers.lessThan(500));
        me(c -> c.put("realm_access", Map.of("roles", "member"))).statusCode(org.hamcrest.Matchers.lessThan(500));
        me(c -> c.put("given_name", "\uD800")).statusCode(200);
    }

    @Test
    void aPersonWithTheMemberRoleStillSignsIn() {
        People.as(People.BOB)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles", org.hamcrest.Matchers.hasItem("member"));
    }
}
