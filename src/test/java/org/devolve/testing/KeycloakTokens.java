package org.devolve.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens from the real Keycloak: the password grant of the dev-only {@code devolve-cli} client. */
public final class KeycloakTokens {

    /** One sign-in per user and Keycloak: tokens live 15 minutes, longer than any run of the tests. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private KeycloakTokens() {
    }

    /** The demo users' passwords are {@code <username>-dev} (see README). */
    public static String of(String username) {
        return TOKENS.computeIfAbsent(RealKeycloak.url() + "|" + username, key -> signIn(username));
    }

    private static String signIn(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "devolve-cli")
                .formParam("username", username).formParam("password", username + "-dev")
                .formParam("scope", "openid")
                .post(RealKeycloak.url() + "/realms/devolve/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
