package org.devolve.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens from the real Keycloak: the password grant of the dev-only {@code devolve-cli} client. */
public final class KeycloakTokens {

    /** One sign-in per user and Keycloak: tokens live 15 minutes, longer than any run of the tests. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private KeycloakTokens() {}

    /** The demo users' passwords are {@code <username>-dev} (see README). */
    public static String of(String username) {
        return TOKENS.computeIfAbsent(RealKeycloak.url() + "|" + username, key -> signIn(username));
    }

    /**
     * A token of another kind from the password grant of {@code clientId} for a demo user: {@code field} is
     * {@code access_token} or {@code id_token}. For clients that do not allow that grant (account-console),
     * it is switched on first through the admin API of the dev-only Keycloak.
     */
    public static String grant(String clientId, String username, String field) {
        if (clientId.equals("account-console")) {
            allowPasswordGrant(clientId);
        }
        return given().formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("username", username)
                .formParam("password", username + "-dev")
                .formParam("scope", "openid")
                .post(RealKeycloak.url() + "/realms/devolve/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path(field);
    }

    private static void allowPasswordGrant(String clientId) {
        String admin = given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin-dev")
                .post(RealKeycloak.url() + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        String id = given().auth()
                .oauth2(admin)
                .queryParam("clientId", clientId)
                .get(RealKeycloak.url() + "/admin/realms/devolve/clients")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        java.util.Map<String, Object> client = given().auth()
                .oauth2(admin)
                .get(RealKeycloak.url() + "/admin/realms/devolve/clients/" + id)
                .then()
                .statusCode(200)
                .extract()
                .as(java.util.Map.class);
        client.put("directAccessGrantsEnabled", true);
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(client)
                .put(RealKeycloak.url() + "/admin/realms/devolve/clients/" + id)
                .then()
                .statusCode(204);
    }

    private static String signIn(String username) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "devolve-cli")
                .formParam("username", username)
                .formParam("password", username + "-dev")
                .formParam("scope", "openid")
                .post(RealKeycloak.url() + "/realms/devolve/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
