package org.devolve.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.devolve.testing.PackagedService;
import org.junit.jupiter.api.Test;

/**
 * The packaged service in its production profile: it does not start an embedded database or accept a
 * Keycloak over http unless told to, serves no Swagger UI, sends HSTS over https (here: behind a proxy
 * that says so); and started the way {@code ./devolve run} starts it, it keeps its database in DEVOLVE_HOME.
 */
class ProductionDefaultsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static boolean exitsWithin(PackagedService service, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            if (!service.alive()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    @Test
    void withoutADatabaseUrlNoEmbeddedDatabaseIsStarted() throws Exception {
        try (PackagedService service = PackagedService.start(Map.of())) {
            assertTrue(
                    exitsWithin(service, Duration.ofSeconds(120)) || service.readiness() != 200,
                    "no database configured: not ready");
            assertFalse(service.logText().contains("Embedded PostgreSQL 15 started"), service.logText());
        }
    }

    @Test
    void aKeycloakOverHttpIsRefusedUnlessAllowed() throws Exception {
        try (PackagedService service = PackagedService.start(Map.of(
                "devolve.keycloak.url",
                "http://127.0.0.1:1",
                "devolve.database.embedded.enabled",
                "true",
                "devolve.database.embedded.data-dir",
                ""))) {
            assertTrue(exitsWithin(service, Duration.ofSeconds(120)), "an http Keycloak URL stops the start-up");
            assertTrue(service.logText().contains("must be an https:// URL"), service.logText());
        }
    }

    @Test
    void anSmtpServerThatCannotBeReachedIsToldInTheLogAndTheServiceStartsAnyway() throws Exception {
        int closed = PackagedService.freePort();
        try (PackagedService service = PackagedService.start(Map.of(
                "devolve.mail.mode",
                "smtp",
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                Integer.toString(closed),
                "devolve.mail.unsubscribe-key",
                "an-unsubscribe-key-for-this-test-only",
                "devolve.database.embedded.enabled",
                "true",
                "devolve.database.embedded.data-dir",
                ""))) {
            assertTrue(service.awaitReady(Duration.ofSeconds(120)), "a mail outage does not stop the start-up");
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String warning = "The SMTP server 127.0.0.1:" + closed + " cannot be reached";
            while (!service.logText().contains(warning) && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            assertTrue(service.logText().contains(warning), service.logText());
        }
    }

    @Test
    void startedLikeDevolveRunItKeepsItsDatabaseInDevolveHomeAndShowsNoSwaggerByDefault() throws Exception {
        Path home = Files.createTempDirectory("devolve-home-");
        try (PackagedService service = PackagedService.start(Map.of(
                "devolve.keycloak.url", "http://127.0.0.1:8180",
                "devolve.keycloak.allow-http", "true",
                "devolve.database.embedded.enabled", "true",
                "devolve.database.embedded.data-dir", home.resolve("postgres").toString(),
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true"))) {
            long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (service.readiness() != 200 && System.nanoTime() < until) {
                assertTrue(service.alive(), service.logText());
                Thread.sleep(300);
            }
            assertEquals(200, service.readiness(), service.logText());
            assertTrue(Files.exists(home.resolve("postgres").resolve("PG_VERSION")), "the database is in DEVOLVE_HOME");
            assertEquals(404, get(service, "/q/swagger-ui/", Map.of()).statusCode(), "no Swagger UI in production");
            assertEquals(200, get(service, "/q/openapi", Map.of()).statusCode(), "the contract is still served");
            HttpResponse<String> plain = get(service, "/api/v1/me", Map.of());
            assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over http");
            HttpResponse<String> tls = get(service, "/api/v1/me", Map.of("X-Forwarded-Proto", "https"));
            assertEquals(
                    "max-age=31536000; includeSubDomains",
                    tls.headers().firstValue("Strict-Transport-Security").orElse(null),
                    "HSTS over https");
        }
        try (var files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static HttpResponse<String> get(PackagedService service, String path, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(service.url() + path)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
