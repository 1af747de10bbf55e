package org.devolve.result;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.ERIN;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.devolve.tally.Tally;
import org.devolve.tally.TallyResult;
import org.devolve.tally.io.TallyDocument;
import org.devolve.testing.Outboxes;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every voting method of the engine through the service: ballots in the method's shape, the close, and a
 * result that the export recounts to the same digits. Plus the rules around them: delegation for a whole
 * circle, self-identified outsiders, live results where a proposal opts in.
 */
@QuarkusTest
class EveryMethodTest {

    record Case(
            String method,
            Map<String, Object> bob,
            Map<String, Object> carol,
            Map<String, Object> dave,
            String firstTotal) {}

    static List<Case> cases() {
        // Bob weighs 3, Carol 2, Dave 1 (LINEAR); options A, B, C.
        return List.of(
                new Case("SINGLE_CHOICE", Map.of("choice", 0), Map.of("choice", 1), Map.of("choice", 0), "4.000000"),
                new Case(
                        "APPROVAL",
                        Map.of("approvals", List.of(0, 1)),
                        Map.of("approvals", List.of(1)),
                        Map.of("approvals", List.of()),
                        "3.000000"),
                new Case(
                        "SCORE",
                        Map.of("scores", List.of(5, 0, 1)),
                        Map.of("scores", List.of(0, 5, 5)),
                        Map.of("scores", List.of(3, 3, 3)),
                        "18.000000"),
                new Case(
                        "SPLIT",
                        Map.of("allocation", Map.of("0", 2, "1", 1)),
                        Map.of("allocation", Map.of("2", 7)),
                        Map.of("allocation", Map.of("0", 1)),
                        "3.000000"),
                new Case(
                        "QUADRATIC",
                        Map.of("allocation", Map.of("0", 1, "1", 1)),
                        Map.of("allocation", Map.of("1", 4)),
                        Map.of("allocation", Map.of("0", 9)),
                        null),
                new Case(
                        "RANKED_IRV",
                        Map.of("ranking", List.of(0, 1, 2)),
                        Map.of("ranking", List.of(1, 0)),
                        Map.of("ranking", List.of(2)),
                        null),
                new Case(
                        "RANKED_SCHULZE",
                        Map.of("ranking", List.of(0, 1, 2)),
                        Map.of("ranking", List.of(1, 2, 0)),
                        Map.of("ranking", List.of(2, 0, 1)),
                        null),
                new Case(
                        "COPELAND",
                        Map.of("ranking", List.of(0, 1, 2)),
                        Map.of("ranking", List.of(1, 2, 0)),
                        Map.of("ranking", List.of(2, 0, 1)),
                        null),
                new Case(
                        "APPROVE_REJECT",
                        Map.of("stance", "FOR"),
                        Map.of("stance", "AGAINST"),
                        Map.of("stance", "ABSTAIN"),
                        "3.000000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMethodCountsAndRecountsToTheSameDigits(Case c) {
        ProposalFixture fixture = aProposal().by(BOB).withMembers(DAVE);
        if (!c.method().equals("APPROVE_REJECT")) {
            fixture.choosingBetween(c.method(), "A", "B", "C");
        }
        ProposalFixture.Made p = fixture.inVotingWith(Map.of(BOB, 3, CAROL, 2, DAVE, 1));
        String at = "/api/v1/proposals/" + p.id();
        as(BOB).body(c.bob()).put(at + "/ballot").then().statusCode(201);
        as(CAROL).body(c.carol()).put(at + "/ballot").then().statusCode(201);
        as(DAVE).body(c.dave()).put(at + "/ballot").then().statusCode(201);
        as(BOB).get(at + "/ballot").then().statusCode(200).body("ballot", equalTo(c.bob()));
        as(CAROL).body(Map.of("phase", "CLOSED")).post(at + "/phase").then().statusCode(200);
        JsonPath result = as(DAVE).get(at + "/result")
                .then()
                .statusCode(200)
                .body("tally.method", equalTo(c.method()))
                .extract()
                .jsonPath();
        if (c.firstTotal() != null) {
            assertEquals(c.firstTotal(), result.getString("tally.totals[0]"));
        }
        TallyResult recount = Tally.count(TallyDocument.fromJson(as(DAVE).get(at + "/export.json")
                .then()
                .statusCode(200)
                .extract()
                .asString()));
        assertEquals(
                result.getList("tally.totals"),
                recount.totals().stream()
                        .map(t -> BigDecimal.valueOf(t, 6).toPlainString())
                        .toList());
        assertEquals(result.getString("tally.outcome"), recount.outcome().name());
    }

    @Test
    void aCircleDelegationCarriesWeightUnlessTheDelegatorVotesOrAProposalDelegationOverridesIt() {
        String circle = aCircle("Delegating")
                .facilitatedBy(CAROL)
                .withMembers(BOB, DAVE, ERIN)
                .create();
        as(DAVE).body(Map.of("delegateId", idOf(BOB)))
                .put("/api/v1/circles/" + circle + "/delegation")
                .then()
                .statusCode(200)
                .body("delegate.username", equalTo("bob"));
        as(ERIN).body(Map.of("delegateId", idOf(DAVE)))
                .put("/api/v1/circles/" + circle + "/delegation")
                .then()
                .statusCode(200);
        as(BOB).get("/api/v1/me/delegations").then().body("received.delegator.username", hasItem("dave"));
        // Erin → Dave → Bob: a chain; Bob votes FOR, Carol AGAINST.
        ProposalFixture.Made p =
                aProposal().by(BOB).inCircle(circle).inVotingWith(Map.of(BOB, 1, CAROL, 2, DAVE, 2, ERIN, 2));
        String at = "/api/v1/proposals/" + p.id();
        as(BOB).body(Map.of("stance", "FOR")).put(at + "/ballot").then().statusCode(201);
        as(CAROL).body(Map.of("stance", "AGAINST")).put(at + "/ballot").then().statusCode(201);
        as(CAROL).body(Map.of("phase", "CLOSED")).post(at + "/phase").then().statusCode(200);
        as(CAROL)
                .get(at + "/result")
                .then()
                .body("tally.totals[0]", equalTo("5.000000"))
                .body("tally.delegation.delegatorsFollowed", equalTo(2))
                .body("tally.outcome", equalTo("ADOPTED"));

        // Next time Dave votes himself, and Erin picks Carol for this one proposal.
        ProposalFixture.Made q =
                aProposal().by(BOB).inCircle(circle).inVotingWith(Map.of(BOB, 1, CAROL, 2, DAVE, 2, ERIN, 2));
        String qt = "/api/v1/proposals/" + q.id();
        as(ERIN).body(Map.of("delegateId", idOf(CAROL)))
                .put(qt + "/delegation")
                .then()
                .statusCode(200);
        String title = as(ERIN).get(qt).then().extract().path("title");
        as(ERIN).get("/api/v1/me/delegations")
                .then()
                .body("given.find { it.proposalId == '" + q.id() + "' }.scopeName", equalTo(title))
                .body("given.find { it.circleId == '" + circle + "' }.scopeName", startsWith("Delegating "));
        as(BOB).body(Map.of("stance", "FOR")).put(qt + "/ballot").then().statusCode(201);
        as(CAROL).body(Map.of("stance", "AGAINST")).put(qt + "/ballot").then().statusCode(201);
        as(DAVE).body(Map.of("stance", "AGAINST")).put(qt + "/ballot").then().statusCode(201);
        as(CAROL).body(Map.of("phase", "CLOSED")).post(qt + "/phase").then().statusCode(200);
        as(CAROL)
                .get(qt + "/result")
                .then()
                .body("tally.totals[0]", equalTo("1.000000"))
                .body("tally.totals[1]", equalTo("6.000000"))
                .body("tally.outcome", equalTo("REJECTED"));
        as(ERIN).get("/api/v1/me/delegations")
                .then() // the proposal's delegation did its work; the circle's stays
                .body("given.proposalId", not(hasItem(q.id())))
                .body("given.circleId", hasItem(circle));
        as(DAVE).delete("/api/v1/circles/" + circle + "/delegation").then().statusCode(204);
        as(DAVE).get("/api/v1/me/delegations")
                .then()
                .body("given.findAll { it.circleId == '" + circle + "' }.size()", equalTo(0));
    }

    @Test
    void outsidersMayDeclareWhereTheProposalLetsThemInAndAreMarkedSelfIdentified() {
        People.Person outsider = People.someone("visitor");
        ProposalFixture.Made closed = aProposal().by(BOB).inDeliberation();
        as(outsider)
                .body(Map.of("groupId", closed.group(0), "level", 2))
                .put("/api/v1/proposals/" + closed.id() + "/stakes/mine")
                .then()
                .statusCode(404);
        ProposalFixture.Made open = aProposal().by(BOB).openToOutsiders().inDeliberation();
        as(outsider)
                .get("/api/v1/proposals/" + open.id())
                .then()
                .statusCode(200)
                .body("my.canTakePart", equalTo(true))
                .body("my.selfIdentified", equalTo(true));
        as(outsider)
                .body(Map.of("groupId", open.group(0), "level", 2))
                .put("/api/v1/proposals/" + open.id() + "/stakes/mine")
                .then()
                .statusCode(200)
                .body("selfIdentified", equalTo(true));
        as(BOB).body(Map.of("groupId", open.group(0), "level", 2))
                .put("/api/v1/proposals/" + open.id() + "/stakes/mine")
                .then()
                .statusCode(200)
                .body("selfIdentified", equalTo(false));
    }

    @Test
    void liveResultsOnlyWhereTheProposalOptsIn() {
        ProposalFixture.Made live =
                aProposal().by(BOB).with("liveResults", true).inVotingWith(Map.of(BOB, 2));
        as(BOB).body(Map.of("stance", "FOR"))
                .put("/api/v1/proposals/" + live.id() + "/ballot")
                .then()
                .statusCode(201);
        as(BOB).get("/api/v1/proposals/" + live.id() + "/result")
                .then()
                .statusCode(200)
                .body("isFinal", equalTo(false))
                .body("tally.totals[0]", equalTo("2.000000"));
        as(BOB).get("/api/v1/proposals/" + live.id() + "/ballots").then().statusCode(200);
    }

    @Test
    void notificationsCanBeMarkedRead() {
        People.Person member = People.someone("reader");
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(member).inDeliberation();
        Outboxes.drain();
        String id = as(member)
                .queryParam("unread", true)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.proposalId", hasItem(p.id()))
                .extract()
                .path("items[0].id");
        as(member)
                .body(Map.of("ids", List.of(id)))
                .post("/api/v1/notifications/read")
                .then()
                .statusCode(200)
                .body("marked", equalTo(1));
        as(member)
                .queryParam("unread", true)
                .get("/api/v1/notifications")
                .then()
                .body("items.size()", equalTo(0));
    }
}
