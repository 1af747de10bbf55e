package org.devolve.platform;

import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.devolve.testing.CircleFixture;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are read strictly and completely: every offending field at once whatever the failure, no
 * coercion of numbers, strings, booleans or enums, no NUL, no broken UTF-8, no instant outside 1970..9999.
 */
@QuarkusTest
class StrictInputTest {

    private static ValidatableResponse createCircle(String json) {
        return as(ALICE).body(json).post("/api/v1/circles").then();
    }

    private static ValidatableResponse createCircle(byte[] json) {
        return as(ALICE).body(json).post("/api/v1/circles").then();
    }

    private static ValidatableResponse refused(ValidatableResponse response) {
        return response.statusCode(400).contentType("application/problem+json");
    }

    @Test
    void everyOffendingFieldIsNamedAtOnceWhateverTheFailure() {
        refused(createCircle("{\"name\": 7, \"kind\": \"PLANET\", \"parents\": [\"x\", 3], \"colour\": \"red\","
                        + " \"description\": true}"))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body(
                        "errors.field",
                        containsInAnyOrder("name", "kind", "parents[0]", "parents[1]", "colour", "description"))
                .body("errors.find { it.field == 'colour' }.code", equalTo("UNKNOWN_FIELD"))
                .body("errors.find { it.field == 'kind' }.code", equalTo("WRONG_TYPE"));
    }

    @Test
    void typeErrorsAndBeanValidationAreReportedTogether() {
        // a blank name (Bean Validation) beside a wrong type and an unknown field
        refused(createCircle("{\"name\": \"  \", \"kind\": 3, \"slug\": \"Not A Slug\", \"x\": 1}"))
                .body("errors.field", hasItems("name", "kind", "slug", "x"))
                .body("errors.find { it.field == 'name' }.code", equalTo("NOT_BLANK"));
    }

    @Test
    void aNumberIsNotAString() {
        refused(createCircle("{\"name\": 12345, \"kind\": \"CITY\"}"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("WRONG_TYPE"));
        refused(createCircle("{\"name\": true, \"kind\": \"CITY\"}")).body("errors[0].field", equalTo("name"));
        refused(createCircle("{\"name\": [\"x\"], \"kind\": \"CITY\"}")).body("errors[0].field", equalTo("name"));
    }

    @Test
    void enumsAreAcceptedByNameOnly() {
        for (String kind : List.of("1", "\"2\"", "\"city\"", "\"CITY \"", "null", "{}")) {
            refused(createCircle("{\"name\": \"Enum " + kind.hashCode() + "\", \"kind\": " + kind + "}"))
                    .body("errors.field", hasItem("kind"));
        }
        var made = ProposalFixture.aProposal().inVotingWith(Map.of(BOB, 3));
        for (String stance : List.of("1", "\"2\"", "0", "\"for\"")) {
            refused(as(BOB).body("{\"stance\": " + stance + "}")
                            .put("/api/v1/proposals/" + made.id() + "/ballot")
                            .then())
                    .body("errors[0].field", equalTo("stance"));
        }
        as(BOB).get("/api/v1/proposals/" + made.id() + "/ballot").then().statusCode(404);
    }

    @Test
    void wholeNumbersAreWholeAndStringsAreNotNumbers() {
        var made = ProposalFixture.aProposal().inDeliberation();
        String group = made.group(0);
        for (String level : List.of("2.9999", "2.0", "\"2\"", "true", "1e0", "99999999999999999999")) {
            refused(as(BOB).body("{\"groupId\": \"" + group + "\", \"level\": " + level + ", \"reason\": \"r\"}")
                            .put("/api/v1/proposals/" + made.id() + "/stakes/mine")
                            .then())
                    .body("errors.field", hasItem("level"));
        }
        as(BOB).get("/api/v1/proposals/" + made.id() + "/stakes/mine").then().statusCode(not(equalTo(500)));
    }

    @Test
    void aBooleanIsNotAString() {
        String circle = CircleFixture.aCircle("Booleans").facilitatedBy(BOB).create();
        Map<String, Object> content = ProposalFixture.aProposal().content();
        content.put("secret", "true");
        refused(as(BOB).body(content)
                        .post("/api/v1/circles/" + circle + "/proposals")
                        .then())
                .body("errors.field", hasItem("secret"));
        content.put("secret", 1);
        refused(as(BOB).body(content)
                        .post("/api/v1/circles/" + circle + "/proposals")
                        .then())
                .body("errors.field", hasItem("secret"));
    }

    @Test
    void nestedPathsAreNamedAsBefore() {
        String circle = CircleFixture.aCircle("Paths").facilitatedBy(BOB).create();
        Map<String, Object> content = ProposalFixture.aProposal()
                .choosingBetween("SCORE", "A", "B", "C")
                .content();
        content.put("weighting", Map.of("policy", "CAPPED", "cap", 2.5));
        content.put("options", List.of("A", 2, "C"));
        content.put("deliberationEndsAt", "-4714-11-23T00:00:00Z");
        content.put("votingEndsAt", "+300000-01-01T00:00:00Z");
        refused(as(BOB).body(content)
                        .post("/api/v1/circles/" + circle + "/proposals")
                        .then())
                .body("errors.field", hasItems("weighting.cap", "options[1]", "deliberationEndsAt", "votingEndsAt"));
    }

    @Test
    void instantsOutsideASaneRangeAreRefused() {
        String circle = CircleFixture.aCircle("Instants").facilitatedBy(BOB).create();
        for (String instant : List.of(
                "1969-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "yesterday")) {
            Map<String, Object> content = ProposalFixture.aProposal().content();
            content.put("votingEndsAt", instant);
            refused(as(BOB).body(content)
                            .post("/api/v1/circles/" + circle + "/proposals")
                            .then())
                    .body("errors.field", hasItem("votingEndsAt"));
        }
        Map<String, Object> content = ProposalFixture.aProposal().content();
        content.put("votingEndsAt", 1_900_000_000);
        refused(as(BOB).body(content)
                        .post("/api/v1/circles/" + circle + "/proposals")
                        .then())
                .body("errors.field", hasItem("votingEndsAt"));
    }

    @Test
    void aNulCharacterInAnyStringIsRefused() {
        refused(createCircle("{\"name\": \"Nul\\u0000Circle\", \"kind\": \"CITY\"}"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("INVALID_TEXT"));
        refused(createCircle("{\"name\": \"Lone \\ud800 surrogate\", \"kind\": \"CITY\"}"))
                .body("errors[0].code", equalTo("INVALID_TEXT"));
        refused(createCircle("{\"name\": \"ok\", \"kind\": \"CITY\", \"description\": \"a\\u0000\"}"))
                .body("errors[0].field", equalTo("description"));
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] prefix = "{\"name\": \"a".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "b\", \"kind\": \"CITY\"}".getBytes(StandardCharsets.US_ASCII);
        for (byte[] bad : List.of(
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xE2, (byte) 0x82})) {
            byte[] body = new byte[prefix.length + bad.length + suffix.length];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(bad, 0, body, prefix.length, bad.length);
            System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
            refused(createCircle(body)).body("code", equalTo("MALFORMED_JSON"));
        }
        createCircle(("{\"name\": \"Caf\u00e9 " + System.nanoTime() + "\", \"kind\": \"CITY\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .statusCode(201);
    }

    @Test
    void duplicateKeysAndTrailingTokensAreMalformed() {
        refused(createCircle("{\"name\": \"a\", \"name\": \"b\", \"kind\": \"CITY\"}"))
                .body("code", equalTo("MALFORMED_JSON"));
        refused(createCircle("{\"name\": \"a\", \"kind\": \"CITY\"} {}")).body("code", equalTo("MALFORMED_JSON"));
        refused(createCircle("[]")).body("code", equalTo("MALFORMED_JSON"));
        refused(createCircle("\"x\"")).body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void aValidBodyStillWorks() {
        createCircle("{\"name\": \"Strict " + System.nanoTime() + "\", \"kind\": \"CITY\", \"parents\": []}")
                .statusCode(201);
    }
}
