package org.devolve.testing;

import static io.restassured.RestAssured.given;

/** Tokens from the real Keycloak: the password grant of the dev-only {@code devolve-cli} client. */
public final class KeycloakTokens {

    private KeycloakTokens() {
    }

    /** The demo users' passwords are {@code <username>-dev} (see README). */
    public static String of(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "devolve-cli")
                .formParam("username", username).formParam("password", username + "-dev")
                .formParam("scope", "openid")
                .post(RealKeycloak.url() + "/realms/devolve/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
