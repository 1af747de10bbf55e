package org.devolve;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.ERIN;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.devolve.tally.Tally;
import org.devolve.tally.TallyResult;
import org.devolve.tally.io.TallyDocument;
import org.devolve.testing.Outboxes;
import org.devolve.testing.People;
import org.junit.jupiter.api.Test;

/**
 * A whole decision through HTTP: a proposal affecting tenants and a neighbouring circle; stakes declared,
 * one challenged and lowered; a delegation; votes; the close; a result that explains itself and equals the
 * recount of its own export; a ledger that verifies and holds every receipt.
 */
@QuarkusTest
class DecisionScenarioTest {

    @Test
    void riversideDecidesWhatToBuildOnTheEmptyLot() {
        People.Person frank = People.someone("frank");
        String neighbours =
                aCircle("Hillside neighbours").ofKind("CITY").withMembers(frank).create();
        String riverside = aCircle("Riverside")
                .facilitatedBy(CAROL)
                .withMembers(BOB, DAVE, ERIN)
                .create();

        // Bob drafts; nobody but him and Carol (facilitator) sees the draft.
        Map<String, Object> content = Map.of(
                "title", "What to build on the empty lot",
                "summary", "The city offers the lot to the cooperative for one use.",
                "body", "## Options\nA garden, a car park, or social housing.",
                "method", "SINGLE_CHOICE",
                "options", List.of("Community garden", "Car park", "Social housing"),
                "weighting", Map.of("policy", "LINEAR"),
                "affectedGroups",
                        List.of(
                                Map.of(
                                        "name",
                                        "Tenants of building C",
                                        "howAffected",
                                        "They face the lot",
                                        "suggestedLevel",
                                        4),
                                Map.of(
                                        "circleId",
                                        neighbours,
                                        "howAffected",
                                        "Traffic and noise",
                                        "suggestedLevel",
                                        2)));
        String id = as(BOB).body(content)
                .post("/api/v1/circles/" + riverside + "/proposals")
                .then()
                .statusCode(201)
                .body("phase", equalTo("DRAFT"))
                .extract()
                .path("id");
        as(DAVE).get("/api/v1/proposals/" + id).then().statusCode(404);
        as(CAROL).get("/api/v1/proposals/" + id).then().statusCode(200);
        as(BOB).body(Map.of("phase", "DELIBERATION"))
                .post("/api/v1/proposals/" + id + "/phase")
                .then()
                .statusCode(200)
                .body("phase", equalTo("DELIBERATION"));
        JsonPath proposal = as(DAVE).get("/api/v1/proposals/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String tenants = proposal.getString("affectedGroups[0].id");
        String hillside = proposal.getString("affectedGroups[1].id");

        // Frank belongs to an affected circle: he hears of it and takes part.
        Outboxes.drain();
        as(frank)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.proposalId", hasItem(id))
                .body("items[0].kind", equalTo("PROPOSAL_DELIBERATION"));

        declare(BOB, id, tenants, 5, "I live on the ground floor, facing the lot");
        declare(CAROL, id, tenants, 3, "");
        declare(DAVE, id, tenants, 2, "");
        declare(ERIN, id, tenants, 4, "");
        declare(frank, id, hillside, 2, "");
        as(BOB).get("/api/v1/proposals/" + id + "/stakes/mine").then().body("flagged", equalTo(true));
        as(DAVE).get("/api/v1/proposals/" + id)
                .then()
                .body("affectedGroups[0].declarations", equalTo(4))
                .body("affectedGroups[1].declarations", equalTo(1));

        // Erin doubts Bob's "vital"; Bob answers; Carol, facilitator, lowers it to the suggested level.
        String bobsStake = as(ERIN).get("/api/v1/proposals/" + id + "/stakes?flagged=true")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        String challenge = as(ERIN).body(Map.of("reason", "Everyone in C faces the lot the same way"))
                .post("/api/v1/proposals/" + id + "/stakes/" + bobsStake + "/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(BOB).body(Map.of("phase", "VOTING"))
                .post("/api/v1/proposals/" + id + "/phase")
                .then()
                .statusCode(403)
                .body("code", equalTo("FACILITATORS_ONLY")); // the author opens deliberation, not voting
        as(CAROL)
                .body(Map.of("phase", "VOTING"))
                .post("/api/v1/proposals/" + id + "/phase")
                .then()
                .statusCode(409)
                .body("code", equalTo("OPEN_CHALLENGES"));
        as(BOB).body(Map.of("answer", "My windows are the only ones at street level"))
                .post("/api/v1/proposals/" + id + "/challenges/" + challenge + "/answer")
                .then()
                .statusCode(200);
        as(CAROL)
                .body(Map.of("decision", "LOWER", "level", 4, "note", "Same exposure as the other tenants"))
                .post("/api/v1/proposals/" + id + "/challenges/" + challenge + "/resolution")
                .then()
                .statusCode(200)
                .body("status", equalTo("LOWERED"))
                .body("resolvedLevel", equalTo(4));
        as(BOB).get("/api/v1/proposals/" + id + "/stakes/mine")
                .then()
                .body("level", equalTo(4))
                .body("declaredLevel", equalTo(5))
                .body("lowered", equalTo(true))
                .body("flagged", equalTo(false));

        // Dave trusts Bob's judgement on this one.
        as(DAVE).body(Map.of("delegateId", idOf(BOB)))
                .put("/api/v1/proposals/" + id + "/delegation")
                .then()
                .statusCode(200);

        as(CAROL)
                .body(Map.of("phase", "VOTING"))
                .post("/api/v1/proposals/" + id + "/phase")
                .then()
                .statusCode(200);
        as(BOB).body(Map.of("groupId", tenants, "level", 1))
                .put("/api/v1/proposals/" + id + "/stakes/mine")
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_PHASE"));

        String bobsReceipt = vote(BOB, id, 0);
        vote(CAROL, id, 0);
        vote(CAROL, id, 1); // Carol changes her mind: the last ballot counts
        vote(ERIN, id, 2);
        vote(frank, id, 1);
        as(DAVE).get("/api/v1/proposals/" + id + "/result")
                .then()
                .statusCode(409)
                .body("code", equalTo("RESULT_NOT_AVAILABLE"));
        as(DAVE).get("/api/v1/proposals/" + id + "/turnout")
                .then()
                .statusCode(200)
                .body("voters", equalTo(4))
                .body("delegators", equalTo(1))
                .body("headcount", equalTo(5));

        as(CAROL)
                .body(Map.of("phase", "CLOSED"))
                .post("/api/v1/proposals/" + id + "/phase")
                .then()
                .statusCode(200)
                .body("phase", equalTo("CLOSED"))
                .body("outcome", equalTo("WINNER"))
                .body("winner.label", equalTo("Community garden"));

        // Garden: Bob 4 + Dave's 2 through delegation; car park: Carol 3 + Frank 2; housing: Erin 4.
        JsonPath result = as(DAVE).get("/api/v1/proposals/" + id + "/result")
                .then()
                .statusCode(200)
                .body("isFinal", equalTo(true))
                .body("tally.outcome", equalTo("WINNER"))
                .body("tally.winner.index", equalTo(0))
                .body("tally.totals", contains("6.000000", "5.000000", "4.000000"))
                .body("tally.turnout.weightCast", equalTo("15.000000"))
                .body("tally.turnout.weightDeclared", equalTo("15.000000"))
                .body("tally.delegation.weightMoved", equalTo("2.000000"))
                .body("tally.delegation.delegatorsFollowed", equalTo(1))
                .body("tally.counterfactual.rule", equalTo("ONE_PERSON_ONE_VOTE"))
                .body("tally.breakdown.byGroup.size()", equalTo(2))
                .body("tally.fragility.applicable", equalTo(true))
                .extract()
                .jsonPath();
        String countedAt = result.getString("ledgerHead");

        // The export recounts to the same digits, with the same engine as devolve-recount.jar.
        String export = as(DAVE).get("/api/v1/proposals/" + id + "/export.json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        TallyResult recount = Tally.count(TallyDocument.fromJson(export));
        assertEquals(
                result.getList("tally.totals"),
                recount.totals().stream()
                        .map(t -> java.math.BigDecimal.valueOf(t, 6).toPlainString())
                        .toList());
        assertEquals(countedAt, recount.ledgerHead());
        String csv = as(DAVE).accept("text/csv")
                .get("/api/v1/proposals/" + id + "/export.csv")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertTrue(
                csv.startsWith("voter,voter_name,stake,group,group_name,weight,lower_to,delegate,via,voted,ballot"),
                csv);
        assertEquals(6, csv.strip().lines().count(), csv);

        // The ledger verifies, holds Bob's receipt, and the result names a head inside it.
        as(ERIN).get("/api/v1/proposals/" + id + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
        as(BOB).get("/api/v1/proposals/" + id + "/ledger/receipts/" + bobsReceipt)
                .then()
                .statusCode(200)
                .body("kind", equalTo("BALLOT_CAST"))
                .body("intact", equalTo(true));
        as(BOB).get("/api/v1/proposals/" + id + "/ledger/receipts/" + countedAt)
                .then()
                .statusCode(200);
        as(BOB).get("/api/v1/proposals/" + id + "/ballots")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(4));
    }

    static void declare(People.Person person, String id, String group, int level, String reason) {
        as(person)
                .body(Map.of("groupId", group, "level", level, "reason", reason))
                .put("/api/v1/proposals/" + id + "/stakes/mine")
                .then()
                .statusCode(200)
                .body("level", equalTo(level));
    }

    static String vote(People.Person person, String id, int option) {
        return as(person)
                .body(Map.of("choice", option))
                .put("/api/v1/proposals/" + id + "/ballot")
                .then()
                .statusCode(201)
                .extract()
                .path("receipt");
    }
}
