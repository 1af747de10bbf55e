package org.devolve;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the decision workflow against every kind of caller: anonymous, a signed-in non-member, a
 * member of the deciding circle, an affected outsider (member of an affected circle only), the author, a
 * facilitator of the deciding circle, and an admin who belongs to neither circle. Expected statuses are
 * written out in full, one row per endpoint; a proposal a caller may not read answers 404 (drafts and
 * closed circles do not reveal that they exist).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** The callers, in the order of the expected statuses below. */
    private static final String[] CALLERS = {
        "anonymous", "non-member", "member", "affected", "author", "facilitator", "admin"
    };

    private People.Person nonMember;
    private People.Person affected;
    private String affectedCircle;
    private String deciding;

    @BeforeEach
    void aDecidingCircleAndAnAffectedOne() {
        nonMember = People.someone("stranger");
        affected = People.someone("neighbour");
        affectedCircle = aCircle("Neighbours")
                .facilitatedBy(People.someone("steward"))
                .withMembers(affected)
                .create();
        deciding =
                aCircle("Deciders").facilitatedBy(CAROL).withMembers(BOB, DAVE).create();
        as(nonMember).get("/api/v1/me").then().statusCode(200);
    }

    private ProposalFixture proposal() {
        return aProposal()
                .by(BOB)
                .inCircle(deciding)
                .affectingCircle(affectedCircle, 2)
                .affecting("Tenants", 3);
    }

    @Test
    void readingAndEditingADraft() {
        ProposalFixture.Made draft = proposal().draft();
        String at = "/api/v1/proposals/" + draft.id();
        check("GET draft", r -> r.get(at), 401, 404, 404, 404, 200, 200, 404);
        check("PUT draft", r -> r.body(proposal().content()).put(at), 401, 404, 404, 404, 200, 200, 404);
        check(
                "PUT deadlines of draft",
                r -> r.body(Map.of()).put(at + "/deadlines"),
                401,
                404,
                404,
                404,
                200,
                200,
                404);
        check(
                "POST group to draft",
                r -> r.body(Map.of("name", "Group " + System.nanoTime(), "suggestedLevel", 1))
                        .post(at + "/groups"),
                401,
                404,
                404,
                404,
                201,
                201,
                404);
        check("GET stakes of draft", r -> r.get(at + "/stakes"), 401, 404, 404, 404, 200, 200, 404);
        check("GET ledger of draft", r -> r.get(at + "/ledger"), 401, 404, 404, 404, 200, 200, 404);
        check("GET events of draft", r -> r.get(at + "/result"), 401, 404, 404, 404, 409, 409, 404);
    }

    @Test
    void draftingAProposalInACircle() {
        String at = "/api/v1/circles/" + deciding + "/proposals";
        check("POST proposal", r -> r.body(proposal().content()).post(at), 401, 403, 201, 403, 201, 201, 201);
    }

    @Test
    void openingAndWithdrawing() {
        List<ProposalFixture.Made> drafts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            drafts.add(proposal().draft());
        }
        check(
                "open a draft (author)",
                r -> r.body(Map.of("phase", "DELIBERATION"))
                        .post("/api/v1/proposals/" + drafts.get(0).id() + "/phase"),
                401,
                404,
                404,
                404,
                200,
                409,
                403);
        check(
                "open a draft (facilitator)",
                r -> r.body(Map.of("phase", "DELIBERATION"))
                        .post("/api/v1/proposals/" + drafts.get(1).id() + "/phase"),
                401,
                404,
                404,
                404,
                -1,
                200,
                403);
        ProposalFixture.Made open = proposal().inDeliberation();
        check(
                "withdraw",
                r -> r.body(Map.of("phase", "WITHDRAWN")).post("/api/v1/proposals/" + open.id() + "/phase"),
                401,
                404,
                403,
                403,
                200,
                409,
                403);
    }

    @Test
    void takingPartInDeliberation() {
        ProposalFixture.Made p = proposal().inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        check("GET proposal", r -> r.get(at), 401, 404, 200, 200, 200, 200, 200);
        check(
                "GET list",
                r -> r.queryParam("circle", deciding).get("/api/v1/proposals"),
                401,
                200,
                200,
                200,
                200,
                200,
                200);
        check(
                "declare",
                r -> r.body(Map.of("groupId", p.group(1), "level", 2)).put(at + "/stakes/mine"),
                401,
                404,
                200,
                200,
                200,
                200,
                403);
        check("GET stakes", r -> r.get(at + "/stakes"), 401, 404, 200, 200, 200, 200, 200);
        check(
                "argue",
                r -> r.body(Map.of("side", "OTHER", "body", "Think of the children"))
                        .post(at + "/arguments"),
                401,
                404,
                201,
                201,
                201,
                201,
                403);
        check("GET arguments", r -> r.get(at + "/arguments"), 401, 404, 200, 200, 200, 200, 200);
        check(
                "delegate",
                r -> r.body(Map.of("delegateId", idOf(DAVE))).put(at + "/delegation"),
                401,
                404,
                400,
                200,
                200,
                200,
                403);
        check("PUT deadlines", r -> r.body(Map.of()).put(at + "/deadlines"), 401, 404, 403, 403, 403, 200, 403);
        check(
                "POST group",
                r -> r.body(Map.of("name", "More " + System.nanoTime(), "suggestedLevel", 1))
                        .post(at + "/groups"),
                401,
                404,
                403,
                403,
                403,
                201,
                403);
        check("GET ledger", r -> r.get(at + "/ledger/verify"), 401, 404, 200, 200, 200, 200, 200);
        check("GET turnout", r -> r.get(at + "/turnout"), 401, 404, 200, 200, 200, 200, 200);
        check("GET result during deliberation", r -> r.get(at + "/result"), 401, 404, 409, 409, 409, 409, 409);
    }

    @Test
    void challengesAreForParticipantsAndTheirResolutionForFacilitators() {
        ProposalFixture.Made p = proposal().inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        as(DAVE).body(Map.of("groupId", p.group(1), "level", 5, "reason", "I am the building"))
                .put(at + "/stakes/mine")
                .then()
                .statusCode(200);
        String stake = as(DAVE).get(at + "/stakes/mine").then().extract().path("id");
        check(
                "challenge",
                r -> r.body(Map.of("reason", "Really? " + System.nanoTime()))
                        .post(at + "/stakes/" + stake + "/challenges"),
                401,
                404,
                409,
                201,
                201,
                201,
                403);
        String challenge =
                as(CAROL).get(at + "/challenges?status=OPEN").then().extract().path("items[0].id");
        check(
                "answer",
                r -> r.body(Map.of("answer", "Yes")).post(at + "/challenges/" + challenge + "/answer"),
                401,
                404,
                200,
                403,
                403,
                403,
                403);
        check(
                "resolve",
                r -> r.body(Map.of("decision", "UPHOLD")).post(at + "/challenges/" + challenge + "/resolution"),
                401,
                404,
                403,
                403,
                403,
                200,
                409);
        check(
                "resolve all",
                r -> r.body(Map.of("reason", "Declared in good faith")).post(at + "/challenges/resolution"),
                401,
                404,
                403,
                403,
                403,
                200,
                200);
    }

    @Test
    void votingAndResults() {
        Map<People.Person, Integer> stakes = new LinkedHashMap<>();
        stakes.put(BOB, 3);
        stakes.put(CAROL, 3);
        stakes.put(DAVE, 2);
        ProposalFixture.Made p = proposal().inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        stakes.forEach((person, level) -> ProposalFixture.declare(person, p, 1, level));
        as(affected)
                .body(Map.of("groupId", p.group(0), "level", 2))
                .put(at + "/stakes/mine")
                .then()
                .statusCode(200);
        check(
                "open voting early",
                r -> r.body(Map.of("phase", "VOTING")).post(at + "/phase"),
                401,
                404,
                403,
                403,
                403,
                200,
                403);
        check("vote", r -> r.body(Map.of("stance", "FOR")).put(at + "/ballot"), 401, 404, 201, 201, 201, 201, 403);
        check("GET my ballot", r -> r.get(at + "/ballot"), 401, 404, 200, 200, 200, 200, 404);
        check("GET ballots during voting", r -> r.get(at + "/ballots"), 401, 404, 409, 409, 409, 409, 409);
        check("close", r -> r.body(Map.of("phase", "CLOSED")).post(at + "/phase"), 401, 404, 403, 403, 403, 200, 403);
        check("GET result", r -> r.get(at + "/result"), 401, 404, 200, 200, 200, 200, 200);
        check("GET export", r -> r.get(at + "/export.json"), 401, 404, 200, 200, 200, 200, 200);
        check("GET ballots", r -> r.get(at + "/ballots"), 401, 404, 200, 200, 200, 200, 200);
        check(
                "vote after close",
                r -> r.body(Map.of("stance", "AGAINST")).put(at + "/ballot"),
                401,
                404,
                409,
                409,
                409,
                409,
                403);
    }

    @Test
    void nobodyReadsASecretBallotThatIsNotTheirs() {
        ProposalFixture.Made p = proposal().secret().inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        ProposalFixture.declare(BOB, p, 1, 3);
        ProposalFixture.declare(DAVE, p, 1, 2);
        as(CAROL).body(Map.of("phase", "VOTING")).post(at + "/phase").then().statusCode(200);
        as(DAVE).body(Map.of("stance", "AGAINST")).put(at + "/ballot").then().statusCode(201);
        as(BOB).body(Map.of("stance", "FOR")).put(at + "/ballot").then().statusCode(201);
        as(CAROL).body(Map.of("phase", "CLOSED")).post(at + "/phase").then().statusCode(200);
        check("GET ballots of a secret proposal", r -> r.get(at + "/ballots"), 401, 404, 403, 403, 403, 403, 403);
        as(DAVE).get(at + "/ballot").then().statusCode(200).body("ballot.stance", equalTo("AGAINST"));
        as(BOB).get(at + "/ballot").then().statusCode(200).body("ballot.stance", equalTo("FOR"));
        String dave = idOf(DAVE);
        String ledger = as(CAROL)
                .get(at + "/ledger?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> ballots = as(CAROL)
                .get(at + "/ledger?limit=100")
                .then()
                .extract()
                .jsonPath()
                .getList("items.findAll { it.kind == 'BALLOT_CAST' }.body");
        assertEquals(2, ballots.size());
        ballots.forEach(b -> assertFalse(b.contains(dave), "a secret ballot entry names its voter: " + b));
        assertTrue(ledger.contains("p-"), "secret ballots carry pseudonyms");
        as(ALICE).get(at + "/export.json").then().statusCode(200).body(not(org.hamcrest.Matchers.containsString(dave)));
    }

    /**
     * Asks as each caller in turn, in the order of {@link #CALLERS}, and checks the status; -1 skips a caller.
     * Requests that succeed change the state the next caller meets (a draft that the author opened is no
     * longer a draft for the admin after them).
     */
    private void check(
            String what, Function<RequestSpecification, io.restassured.response.Response> request, int... expected) {
        People.Person[] people = {null, nonMember, DAVE, affected, BOB, CAROL, ALICE};
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < people.length; i++) {
            if (expected[i] < 0) {
                continue;
            }
            RequestSpecification spec = people[i] == null ? People.anonymous() : as(people[i]);
            io.restassured.response.Response response = request.apply(spec);
            int status = response.statusCode();
            if (status != expected[i]) {
                wrong.add(CALLERS[i] + " got " + status + " (expected " + expected[i] + "): " + response.asString());
            } else if (status >= 400) {
                response.then().contentType("application/problem+json");
            }
        }
        assertTrue(wrong.isEmpty(), what + ":\n" + String.join("\n", wrong));
    }
}
