package org.devolve;

import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.devolve.testing.CircleFixture;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * Bad input on every write endpoint of the decision workflow: each is answered with a problem naming what is
 * wrong, and changes nothing (the proposal's ledger does not move, nor does what the API shows).
 */
@QuarkusTest
class BadInputTest {

    @Test
    void draftingWithWrongContentNamesEveryField() {
        String circle = CircleFixture.aCircle("Drafters").withMembers(BOB).create();
        String at = "/api/v1/circles/" + circle + "/proposals";
        Map<String, Object> content = new HashMap<>(aProposal().content());
        content.put("method", "APPROVE_REJECT");
        content.put("options", List.of("Yes", "No"));
        content.put("weighting", Map.of("policy", "CAPPED"));
        content.put("votingEndsAt", "2030-01-01T00:00:00Z");
        content.put("deliberationEndsAt", "2030-02-01T00:00:00Z");
        content.put("title", "");
        as(BOB).body(content)
                .post(at)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title", "options", "weighting.cap", "votingEndsAt"));
        Map<String, Object> typed = new HashMap<>(aProposal().content());
        typed.put("method", "DICTATOR");
        as(BOB).body(typed).post(at).then().statusCode(400).body("errors[0].field", equalTo("method"));
        typed = new HashMap<>(
                aProposal().choosingBetween("SINGLE_CHOICE", "A", "a").content());
        as(BOB).body(typed).post(at).then().statusCode(400).body("errors[0].code", equalTo("DUPLICATE_OPTION"));
        typed = new HashMap<>(aProposal().content());
        typed.put("quorum", Map.of("turnoutPercent", 120));
        typed.put("affectedGroups", List.of(Map.of("suggestedLevel", 9)));
        as(BOB).body(typed)
                .post(at)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("quorum.turnoutPercent"))
                .body("errors.field", hasItem("affectedGroups[0].suggestedLevel"));
        typed = new HashMap<>(aProposal().content());
        typed.put("colour", "red");
        as(BOB).body(typed).post(at).then().statusCode(400).body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        as(BOB).body("{\"title\": \"x\", \"body\": \"" + "y".repeat(300_000) + "\"}")
                .post(at)
                .then()
                .statusCode(413);
        as(BOB).get("/api/v1/proposals?circle=" + circle).then().body("items.size()", equalTo(0));
    }

    @Test
    void lifecycleMistakesChangeNothing() {
        ProposalFixture.Made draft = aProposal().by(BOB).draft();
        String at = "/api/v1/proposals/" + draft.id();
        unchanged(
                draft,
                () -> as(BOB).body(Map.of("phase", "CLOSED"))
                        .post(at + "/phase")
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("TRANSITION_NOT_ALLOWED")));
        unchanged(
                draft,
                () -> as(BOB).body(Map.of("phase", "LATER"))
                        .post(at + "/phase")
                        .then()
                        .statusCode(400)
                        .body("errors[0].field", equalTo("phase")));
        unchanged(
                draft,
                () -> as(BOB).body(Map.of("deliberationEndsAt", "2020-01-01T00:00:00Z"))
                        .put(at + "/deadlines")
                        .then()
                        .statusCode(200));
        unchanged(
                draft,
                () -> as(BOB).body(Map.of("phase", "DELIBERATION"))
                        .post(at + "/phase")
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("IN_THE_PAST")));
        as(BOB).body(Map.of()).put(at + "/deadlines").then().statusCode(200);
        unchanged(
                draft,
                () -> as(BOB).body(Map.of("name", "", "suggestedLevel", 2))
                        .post(at + "/groups")
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("REQUIRED")));
        unchanged(
                draft,
                () -> as(BOB).body(Map.of("circleId", "00000000-0000-0000-0000-000000000009", "suggestedLevel", 2))
                        .post(at + "/groups")
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("UNKNOWN_CIRCLE")));

        ProposalFixture.Made open = aProposal().by(BOB).inDeliberation();
        String openAt = "/api/v1/proposals/" + open.id();
        unchanged(
                open,
                () -> as(BOB).body(aProposal().content())
                        .put(openAt)
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("WRONG_PHASE")));
        unchanged(
                open,
                () -> as(BOB).delete(openAt + "/groups/" + open.group(0)).then().statusCode(409));
        unchanged(
                open,
                () -> as(CAROL)
                        .body(Map.of("votingEndsAt", "2020-01-01T00:00:00Z"))
                        .put(openAt + "/deadlines")
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("IN_THE_PAST")));
        unchanged(
                open,
                () -> as(BOB).body(Map.of("stance", "FOR"))
                        .put(openAt + "/ballot")
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("WRONG_PHASE")));
    }

    @Test
    void declarationsOutOfRangeOrWithoutTheirReasonAreRefused() {
        ProposalFixture.Made p = aProposal().by(BOB).affecting("Tenants", 2).inDeliberation();
        String at = "/api/v1/proposals/" + p.id() + "/stakes/mine";
        unchanged(
                p,
                () -> as(BOB).body(Map.of("groupId", p.group(0), "level", -1))
                        .put(at)
                        .then()
                        .statusCode(400)
                        .body("errors[0].field", equalTo("level")));
        unchanged(
                p,
                () -> as(BOB).body(Map.of("groupId", p.group(0), "level", 6))
                        .put(at)
                        .then()
                        .statusCode(400));
        unchanged(
                p,
                () -> as(BOB).body(Map.of("groupId", p.group(0), "level", "high"))
                        .put(at)
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("WRONG_TYPE")));
        unchanged(
                p,
                () -> as(BOB).body(Map.of("groupId", "00000000-0000-0000-0000-000000000001", "level", 1))
                        .put(at)
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("UNKNOWN_GROUP")));
        unchanged(
                p,
                () -> as(BOB).body(Map.of("groupId", p.group(0), "level", 4))
                        .put(at)
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("REASON_REQUIRED")));
        as(BOB).get(at).then().statusCode(404);
    }

    @Test
    void aDeclarationOverTheStakeBudgetStatesWhatIsLeft() {
        String circle = CircleFixture.aCircle("Thrifty")
                .facilitatedBy(CAROL)
                .withMembers(BOB)
                .create();
        as(CAROL)
                .body(Map.of("stakeBudget", 30, "budgetPeriod", "YEAR", "challengesEnabled", true))
                .put("/api/v1/circles/" + circle + "/policy")
                .then()
                .statusCode(200);
        ProposalFixture.Made first =
                aProposal().by(BOB).inCircle(circle).affecting("All", 5).inDeliberation();
        ProposalFixture.Made second =
                aProposal().by(BOB).inCircle(circle).affecting("All", 5).inDeliberation();
        ProposalFixture.declare(BOB, first, 0, 5);
        unchanged(
                second,
                () -> as(BOB).body(Map.of("groupId", second.group(0), "level", 3, "reason", "x"))
                        .put("/api/v1/proposals/" + second.id() + "/stakes/mine")
                        .then()
                        .statusCode(409)
                        .contentType("application/problem+json")
                        .body("code", equalTo("STAKE_BUDGET_EXCEEDED"))
                        .body("budgetLeft", equalTo(5))
                        .body("cost", equalTo(9))
                        .body("budget", equalTo(30)));
        ProposalFixture.declare(BOB, second, 0, 2);
        as(BOB).get("/api/v1/me/budgets")
                .then()
                .statusCode(200)
                .body("find { it.circleId == '" + circle + "' }.left", equalTo(1));
        as(CAROL)
                .body(Map.of("stakeBudget", 0, "budgetPeriod", "YEAR", "challengesEnabled", true))
                .put("/api/v1/circles/" + circle + "/policy")
                .then()
                .statusCode(400);
    }

    @Test
    void challengesAndResolutionsNeedTheirParts() {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        ProposalFixture.declare(DAVE, p, 0, 3);
        String stake = as(DAVE).get(at + "/stakes/mine").then().extract().path("id");
        unchanged(
                p,
                () -> as(BOB).body(Map.of("reason", ""))
                        .post(at + "/stakes/" + stake + "/challenges")
                        .then()
                        .statusCode(400));
        unchanged(
                p,
                () -> as(DAVE).body(Map.of("reason", "me?"))
                        .post(at + "/stakes/" + stake + "/challenges")
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("OWN_DECLARATION")));
        unchanged(
                p,
                () -> as(BOB).body(Map.of("reason", "who?"))
                        .post(at + "/stakes/nope/challenges")
                        .then()
                        .statusCode(404));
        String challenge = as(BOB).body(Map.of("reason", "Why 3?"))
                .post(at + "/stakes/" + stake + "/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        unchanged(
                p,
                () -> as(BOB).body(Map.of("reason", "Again"))
                        .post(at + "/stakes/" + stake + "/challenges")
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("ALREADY_CHALLENGED")));
        unchanged(
                p,
                () -> as(CAROL)
                        .body(Map.of("decision", "LOWER"))
                        .post(at + "/challenges/" + challenge + "/resolution")
                        .then()
                        .statusCode(400)
                        .body("errors[0].field", equalTo("level")));
        unchanged(
                p,
                () -> as(CAROL)
                        .body(Map.of("decision", "LOWER", "level", 3))
                        .post(at + "/challenges/" + challenge + "/resolution")
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("NOT_LOWER")));
        unchanged(
                p,
                () -> as(CAROL)
                        .body(Map.of("decision", "MAYBE"))
                        .post(at + "/challenges/" + challenge + "/resolution")
                        .then()
                        .statusCode(400));
        unchanged(
                p,
                () -> as(DAVE).body(Map.of("answer", ""))
                        .post(at + "/challenges/" + challenge + "/answer")
                        .then()
                        .statusCode(400));
    }

    @Test
    void ballotsThatDoNotFitTheMethodAreRefused() {
        ProposalFixture.Made ranked = aProposal()
                .by(BOB)
                .choosingBetween("RANKED_SCHULZE", "A", "B", "C")
                .inVotingWith(Map.of(BOB, 3));
        String at = "/api/v1/proposals/" + ranked.id() + "/ballot";
        unchanged(
                ranked,
                () -> as(BOB).body(Map.of("ranking", List.of(0, 0, 1)))
                        .put(at)
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("RANKING_DUPLICATE")));
        unchanged(
                ranked,
                () -> as(BOB).body(Map.of("ranking", List.of(3)))
                        .put(at)
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("OPTION_UNKNOWN")));
        unchanged(
                ranked,
                () -> as(BOB).body(Map.of("choice", 1))
                        .put(at)
                        .then()
                        .statusCode(400)
                        .body("errors.code", hasItem("BALLOT_KIND_INVALID")));
        unchanged(
                ranked,
                () -> as(BOB).body(Map.of("ranking", "A>B")).put(at).then().statusCode(400));
        ProposalFixture.Made split =
                aProposal().by(BOB).choosingBetween("SPLIT", "A", "B").inVotingWith(Map.of(BOB, 3));
        String splitAt = "/api/v1/proposals/" + split.id() + "/ballot";
        unchanged(
                split,
                () -> as(BOB).body(Map.of("allocation", Map.of("0", -3)))
                        .put(splitAt)
                        .then()
                        .statusCode(400));
        unchanged(
                split,
                () -> as(BOB).body(Map.of("allocation", Map.of("0", 0)))
                        .put(splitAt)
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("ALLOCATION_EMPTY")));
        unchanged(
                split,
                () -> as(BOB).body(Map.of("allocation", Map.of("zero", 1)))
                        .put(splitAt)
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("OPTION_UNKNOWN")));
        ProposalFixture.Made score =
                aProposal().by(BOB).choosingBetween("SCORE", "A", "B").inVotingWith(Map.of(BOB, 3));
        unchanged(
                score,
                () -> as(BOB).body(Map.of("scores", List.of(5)))
                        .put("/api/v1/proposals/" + score.id() + "/ballot")
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("SCORES_INVALID")));
        ProposalFixture.Made yesNo = aProposal().by(BOB).withMembers(DAVE).inVotingWith(Map.of(BOB, 3, DAVE, 0));
        unchanged(
                yesNo,
                () -> as(BOB).body(Map.of("stance", "PERHAPS"))
                        .put("/api/v1/proposals/" + yesNo.id() + "/ballot")
                        .then()
                        .statusCode(400)
                        .body("errors[0].field", equalTo("stance")));
        unchanged(
                yesNo,
                () -> as(DAVE).body(Map.of("stance", "FOR"))
                        .put("/api/v1/proposals/" + yesNo.id() + "/ballot")
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("NO_STAKE")));
    }

    @Test
    void delegationsAndArgumentsRefuseNonsense() {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        unchanged(
                p,
                () -> as(BOB).body(Map.of("delegateId", idOf(BOB)))
                        .put(at + "/delegation")
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("SELF")));
        unchanged(
                p,
                () -> as(BOB).body(Map.of("delegateId", "00000000-0000-0000-0000-000000000002"))
                        .put(at + "/delegation")
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("UNKNOWN_MEMBER")));
        unchanged(
                p,
                () -> as(BOB).body(Map.of("delegateId", idOf(ALICE)))
                        .put(at + "/delegation")
                        .then()
                        .statusCode(400)
                        .body("errors[0].code", equalTo("NOT_A_PARTICIPANT")));
        unchanged(
                p,
                () -> as(BOB).body(Map.of("delegateId", "dave"))
                        .put(at + "/delegation")
                        .then()
                        .statusCode(400));
        unchanged(p, () -> as(BOB).delete(at + "/delegation").then().statusCode(404));
        as(BOB).body(Map.of("side", "SIDEWAYS", "body", "Hmm"))
                .post(at + "/arguments")
                .then()
                .statusCode(400);
        as(BOB).body(Map.of("side", "FOR", "body", " "))
                .post(at + "/arguments")
                .then()
                .statusCode(400)
                .body("detail", not(containsString("Exception")));
        as(BOB).get(at + "/arguments").then().body("items.size()", equalTo(0));
    }

    /** Runs a refused request and checks that the proposal's ledger did not move. */
    private static void unchanged(ProposalFixture.Made p, Supplier<ValidatableResponse> request) {
        String at = "/api/v1/proposals/" + p.id();
        int before = as(CAROL).get(at + "/ledger/verify").then().extract().path("entries");
        ValidatableResponse response = request.get();
        int status = response.extract().statusCode();
        if (status >= 400) {
            response.contentType("application/problem+json");
        }
        int after = as(CAROL)
                .get(at + "/ledger/verify")
                .then()
                .body("valid", equalTo(true))
                .extract()
                .path("entries");
        assertEquals(before, after, "a refused request changed the ledger");
    }
}
