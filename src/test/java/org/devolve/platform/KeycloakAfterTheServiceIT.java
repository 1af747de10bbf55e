package org.devolve.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.devolve.testing.PackagedService;
import org.devolve.testing.RealKeycloak;
import org.junit.jupiter.api.Test;

/**
 * The service does not wait for Keycloak: the packaged service, started while its Keycloak does not answer yet (as
 * {@code ./devolve run} starts both side by side), is ready without it, answers requests that need a token checked
 * meanwhile with 503 problem+json (the sign-in service is unavailable), and accepts the real Keycloak's tokens once that Keycloak answers, without a restart (Quarkus discovers the
 * realm on the first request after it failed at start-up).
 */
class KeycloakAfterTheServiceIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void readyWithoutKeycloakAndAcceptsItsTokensOnceItAnswers() throws Exception {
        int keycloakPort = RealKeycloak.freePortPair();
        String keycloak = "http://127.0.0.1:" + keycloakPort;
        try (PackagedService service = PackagedService.startForKeycloak(Map.of(
                "devolve.keycloak.url", keycloak,
                "devolve.keycloak.allow-http", "true",
                "devolve.database.embedded.enabled", "true",
                "devolve.database.embedded.data-dir", ""))) {
            long started = System.nanoTime();
            assertTrue(service.awaitReady(Duration.ofSeconds(120)), service.logText());
            System.out.printf(
                    "[keycloak-after] ready %d ms after the start, Keycloak not answering%n",
                    (System.nanoTime() - started) / 1_000_000);
            // the token cannot be checked yet: 503 problem+json, as for any outage of the sign-in service
            HttpResponse<String> before = me(service, "not-a-token");
            assertEquals(503, before.statusCode(), before.body());
            assertTrue(before.body().contains("\"SERVICE_UNAVAILABLE\""), before.body());

            RealKeycloak.start(keycloakPort);
            try {
                String token = given().formParam("grant_type", "password")
                        .formParam("client_id", "devolve-cli")
                        .formParam("username", "alice")
                        .formParam("password", "alice-dev")
                        .formParam("scope", "openid")
                        .post(keycloak + "/realms/devolve/protocol/openid-connect/token")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("access_token");
                HttpResponse<String> after = me(service, token);
                assertEquals(200, after.statusCode(), after.body() + "\n" + service.logText());
                assertTrue(after.body().contains("\"alice\""), after.body());
            } finally {
                RealKeycloak.stop(keycloakPort);
            }
        }
    }

    private static HttpResponse<String> me(PackagedService service, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/me"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
