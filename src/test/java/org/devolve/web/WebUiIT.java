package org.devolve.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.devolve.testing.RealKeycloak;
import org.junit.jupiter.api.Test;

/**
 * The web UI's browser tests (frontend/e2e, @playwright/test in Debian's Chromium) against the packaged
 * service, the real Keycloak with the demo realm and the embedded PostgreSQL. Playwright runs as a
 * subprocess; its output is printed, and a non-zero exit fails this test. Screenshots of every screen are
 * kept in target/ui-screenshots, traces of failed tests in target/playwright.
 */
@QuarkusIntegrationTest
@WithTestResource(value = RealKeycloak.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebUiIT {

    // the journeys take 10-15 min on two shared cores; the limit only stops a hung browser
    private static final Duration LIMIT = Duration.ofMinutes(25);

    @TestHTTPResource("/")
    URL app;

    @Test
    void deepLinksGetTheAppWhileTheApiAndFilesAreNotSwallowed() {
        given().get("/proposals/123/results")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<div id=\"root\">"));
        given().get("/config.json")
                .then()
                .statusCode(200)
                .body("issuer", endsWith("/realms/devolve"))
                .body("clientId", equalTo("devolve-web"));
        given().get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        given().get("/assets/no-such-file.js").then().statusCode(404);
    }

    @Test
    void everyJourneyPassesInChromium() throws IOException, InterruptedException {
        Path frontend = Path.of("frontend").toAbsolutePath();
        Path target = Path.of("target").toAbsolutePath();
        Path log = Files.createTempFile("playwright", ".log");
        ProcessBuilder builder = new ProcessBuilder("npx", "playwright", "test")
                .directory(frontend.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DEVOLVE_URL", app.toString().replaceAll("/$", ""));
        builder.environment()
                .put("SCREENSHOT_DIR", target.resolve("ui-screenshots").toString());
        builder.environment()
                .put("PLAYWRIGHT_OUTPUT", target.resolve("playwright").toString());
        builder.environment().put("CI", "true");
        Instant start = Instant.now();
        Process playwright = builder.start();
        boolean finished = playwright.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            playwright.descendants().forEach(ProcessHandle::destroyForcibly);
            playwright.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        System.out.printf(
                "Browser tests took %d s%n",
                Duration.between(start, Instant.now()).toSeconds());
        assertEquals(
                0,
                finished ? playwright.exitValue() : -1,
                () -> (finished ? "Playwright failed" : "Playwright did not finish within " + LIMIT) + ":\n" + output);
    }
}
