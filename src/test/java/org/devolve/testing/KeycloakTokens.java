package org.devolve.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
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

    /** The dev realm's demo integration (dev/keycloak/devolve-realm.json; its secret is dev-only and public). */
    public static final String DEMO_INTEGRATION = "devolve-demo-integration";

    public static final String DEMO_INTEGRATION_SECRET = "demo-integration-dev-secret";

    /** A service account's token: the client-credentials grant of a confidential client, as an integration gets it. */
    public static String clientCredentials(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(RealKeycloak.url() + "/realms/devolve/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A token of someone's password grant through {@code devolve-cli} (for users a test created). */
    public static String password(String username, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "devolve-cli")
                .formParam("username", username)
                .formParam("password", password)
                .formParam("scope", "openid")
                .post(RealKeycloak.url() + "/realms/devolve/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /**
     * Registers a new person in the realm through Keycloak's admin REST API (as the registration form would): a
     * verified address, a password, the realm's default roles ({@code member} among them).
     */
    public static void createUser(String username, String firstName, String lastName, String email, String password) {
        given().auth()
                .oauth2(adminToken())
                .contentType("application/json")
                .body(Map.of(
                        "username", username,
                        "enabled", true,
                        "firstName", firstName,
                        "lastName", lastName,
                        "email", email,
                        "emailVerified", true,
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post(RealKeycloak.url() + "/admin/realms/devolve/users")
                .then()
                .statusCode(201);
    }

    /**
     * Creates, through Keycloak's admin API, a confidential client of the client-credentials grant with the
     * {@code devolve} audience, as the dev realm's demo integration is made: for a test that needs an integration of
     * its own (a client id registers once per service).
     */
    public static void createServiceAccountClient(String clientId, String secret) {
        createServiceAccountClient(clientId, secret, true);
    }

    /**
     * As {@link #createServiceAccountClient(String, String)}, with or without the {@code devolve} audience mapper
     * (without it, its tokens are for Keycloak's own clients only: the attack of a client made for another system).
     */
    public static void createServiceAccountClient(String clientId, String secret, boolean devolveAudience) {
        List<Map<String, Object>> mappers = devolveAudience
                ? List.of(Map.of(
                        "name",
                        "audience-devolve",
                        "protocol",
                        "openid-connect",
                        "protocolMapper",
                        "oidc-audience-mapper",
                        "config",
                        Map.of(
                                "included.custom.audience", "devolve",
                                "access.token.claim", "true",
                                "id.token.claim", "false")))
                : List.of();
        given().auth()
                .oauth2(adminToken())
                .contentType("application/json")
                .body(Map.of(
                        "clientId",
                        clientId,
                        "enabled",
                        true,
                        "publicClient",
                        false,
                        "protocol",
                        "openid-connect",
                        "clientAuthenticatorType",
                        "client-secret",
                        "secret",
                        secret,
                        "standardFlowEnabled",
                        false,
                        "directAccessGrantsEnabled",
                        false,
                        "serviceAccountsEnabled",
                        true,
                        "protocolMappers",
                        mappers))
                .post(RealKeycloak.url() + "/admin/realms/devolve/clients")
                .then()
                .statusCode(201);
    }

    private static String adminToken() {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin-dev")
                .post(RealKeycloak.url() + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static void allowPasswordGrant(String clientId) {
        String admin = adminToken();
        String id = given().auth()
                .oauth2(admin)
                .queryParam("clientId", clientId)
                .get(RealKeycloak.url() + "/admin/realms/devolve/clients")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        Map<String, Object> client = given().auth()
                .oauth2(admin)
                .get(RealKeycloak.url() + "/admin/realms/devolve/clients/" + id)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
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
