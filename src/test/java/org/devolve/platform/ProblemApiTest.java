package org.devolve.platform;

import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The protocol errors are problems too: 404, 405, 406, 413, 415, with a request id. */
@QuarkusTest
class ProblemApiTest {

    @Test
    void anUnknownPathIsA404Problem() {
        as(BOB).get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/nothing-here"));
    }

    @Test
    void aWrongMethodIsA405Problem() {
        as(BOB).delete("/api/v1/me")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        as(ALICE)
                .contentType("text/plain")
                .body("name=x")
                .post("/api/v1/circles")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void askingForXmlIsA406Problem() {
        as(BOB).accept("application/xml")
                .get("/api/v1/me")
                .then()
                .statusCode(406)
                .body("code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void aHugeBodyIsRefusedBeforeItIsRead() {
        as(ALICE)
                .body("{\"name\": \"" + "x".repeat(300_000) + "\", \"kind\": \"CITY\"}")
                .post("/api/v1/circles")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void responsesCarrySecurityHeaders() {
        as(BOB).get("/api/v1/me")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"));
        io.restassured.RestAssured.get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theRequestIdIsEchoedAndKeptWhenWellFormed() {
        as(BOB).header("X-Request-Id", "trace-abc-12345")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "trace-abc-12345");
        as(BOB).header("X-Request-Id", "bad id with spaces")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .header("X-Request-Id", notNullValue());
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortOnly() {
        String management = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("test.management.url", String.class);
        io.restassured.RestAssured.get(management + "/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        io.restassured.RestAssured.get(management + "/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("Database")));
        io.restassured.RestAssured.get(management + "/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests"));
        io.restassured.RestAssured.get("/q/health/live").then().statusCode(404);
    }
}
