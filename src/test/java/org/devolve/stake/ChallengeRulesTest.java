package org.devolve.stake;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.ERIN;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.devolve.testing.ProposalFixture.declare;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.devolve.testing.ProposalFixture;
import org.devolve.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Challenges have teeth and limits: a LOWER stands; a declaration made at the last moment cannot escape challenge;
 * and nobody can hold voting back forever by challenging again and again.
 */
@QuarkusTest
class ChallengeRulesTest {

    @Inject
    TestClock clock;

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @BeforeEach
    void onlyTheTestMovesDeadlines() {
        scheduler.pause("devolve-deadlines");
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
        scheduler.resume("devolve-deadlines");
    }

    @Test
    void aLowerStandsTheDeclarantCannotDeclareAboveItAgainInAnyGroup() {
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE)
                .affecting("Tenants", 3)
                .affecting("Shops", 3)
                .inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        declare(DAVE, p, 0, 5);
        String daves = as(DAVE).get(at + "/stakes/mine").then().extract().path("id");
        String challenge = as(BOB).body(Map.of("reason", "Dave is a tenant like the rest"))
                .post(at + "/stakes/" + daves + "/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(CAROL)
                .body(Map.of("decision", "LOWER", "level", 2))
                .post(at + "/challenges/" + challenge + "/resolution")
                .then()
                .statusCode(200);

        // The attack: declare the old level again, as if nothing happened.
        as(DAVE).body(Map.of("groupId", p.group(0), "level", 5, "reason", "I insist"))
                .put(at + "/stakes/mine")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("LEVEL_LOWERED"))
                .body("levelAllowed", equalTo(2));
        as(DAVE).body(Map.of("groupId", p.group(1), "level", 3, "reason", "As a shop then"))
                .put(at + "/stakes/mine")
                .then()
                .statusCode(409)
                .body("code", equalTo("LEVEL_LOWERED"))
                .body("levelAllowed", equalTo(2));
        as(DAVE).get(at + "/stakes/mine")
                .then()
                .body("level", equalTo(2))
                .body("levelAllowed", equalTo(2))
                .body("lowered", equalTo(true));

        declare(DAVE, p, 1, 2);
        declare(DAVE, p, 0, 1);
        as(DAVE).get(at + "/stakes/mine").then().body("level", equalTo(1)).body("levelAllowed", equalTo(2));
        declare(DAVE, p, 0, 2); // back up to what the facilitator allowed
        as(CAROL).body(Map.of("phase", "VOTING")).post(at + "/phase").then().statusCode(200);
        as(BOB).get(at + "/stakes").then().body("items.find { it.member.username == 'dave' }.level", equalTo(2));
    }

    @Test
    void aLateDeclarationCannotEscapeChallengeNewAndRaisedOnesCloseTheWindowBeforeTheDeadline() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant ends = start.plus(1, ChronoUnit.DAYS);
        Instant closes = ends.minus(90, ChronoUnit.MINUTES);
        clock.setTo(start);
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE, ERIN)
                .withChallengeWindow(90)
                .with("deliberationEndsAt", ends.toString())
                .with("votingEndsAt", ends.plus(1, ChronoUnit.DAYS).toString())
                .inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        declare(DAVE, p, 0, 3);

        clock.setTo(closes.minusMillis(1));
        declare(BOB, p, 0, 3);
        clock.setTo(closes);
        as(ERIN).body(Map.of("groupId", p.group(0), "level", 3))
                .put(at + "/stakes/mine")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("DECLARATIONS_CLOSED"))
                .body("closedAt", equalTo(closes.toString()))
                .body("deliberationEndsAt", equalTo(ends.toString()))
                .body("challengeWindowMinutes", equalTo(90));
        as(DAVE).body(Map.of("groupId", p.group(0), "level", 5, "reason", "More than I said"))
                .put(at + "/stakes/mine")
                .then()
                .statusCode(409)
                .body("code", equalTo("DECLARATIONS_CLOSED"))
                .body("levelAllowed", equalTo(3));
        declare(DAVE, p, 0, 2); // lowering one's own stays possible

        // Every declaration in force stays challengeable until the deadline itself.
        clock.setTo(ends.minusMillis(1));
        declare(DAVE, p, 0, 1);
        String bobs = as(BOB).get(at + "/stakes/mine").then().extract().path("id");
        as(ERIN).body(Map.of("reason", "Made at the last minute"))
                .post(at + "/stakes/" + bobs + "/challenges")
                .then()
                .statusCode(201);
        clock.setTo(ends);
        as(DAVE).body(Map.of("groupId", p.group(0), "level", 0))
                .put(at + "/stakes/mine")
                .then()
                .statusCode(409)
                .body("code", equalTo("DELIBERATION_ENDED"));
    }

    @Test
    void openingVotingEarlyMarksDeclarationsMadeOrRaisedWithinTheWindowLate() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.setTo(start);
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE, ERIN)
                .withChallengeWindow(60)
                .inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        declare(BOB, p, 0, 3);
        declare(DAVE, p, 0, 4);
        declare(ERIN, p, 0, 2);
        clock.setTo(start.plus(90, ChronoUnit.MINUTES));
        declare(DAVE, p, 0, 5); // raised 30 minutes before voting opens
        declare(ERIN, p, 0, 1); // lowered: not late
        clock.setTo(start.plus(120, ChronoUnit.MINUTES));
        declare(CAROL, p, 0, 0); // new, but no weight
        as(CAROL)
                .body(Map.of("phase", "VOTING", "note", "We meet tonight"))
                .post(at + "/phase")
                .then()
                .statusCode(200)
                .body("lateDeclarations", equalTo(1));
        as(ERIN).get(at).then().body("lateDeclarations", equalTo(1));
        as(ERIN).get(at + "/stakes")
                .then()
                .body("items.find { it.member.username == 'dave' }.late", equalTo(true))
                .body("items.find { it.member.username == 'bob' }.late", equalTo(false))
                .body("items.find { it.member.username == 'erin' }.late", equalTo(false))
                .body("items.find { it.member.username == 'carol' }.late", equalTo(false));

        // With no window, nothing is late.
        ProposalFixture.Made q = aProposal().by(BOB).withMembers(DAVE).inDeliberation();
        declare(DAVE, q, 0, 4);
        as(CAROL)
                .body(Map.of("phase", "VOTING"))
                .post("/api/v1/proposals/" + q.id() + "/phase")
                .then()
                .statusCode(200)
                .body("lateDeclarations", equalTo(0));
    }

    @Test
    void nobodyChallengesTheSameDeclarationAgainOnceRuledUnlessItChanged() {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE, ERIN).inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        declare(DAVE, p, 0, 4);
        String daves = as(DAVE).get(at + "/stakes/mine").then().extract().path("id");
        String first = as(BOB).body(Map.of("reason", "Four is a lot"))
                .post(at + "/stakes/" + daves + "/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(CAROL)
                .body(Map.of("decision", "UPHOLD", "note", "Dave's flat faces it"))
                .post(at + "/challenges/" + first + "/resolution")
                .then()
                .statusCode(200);

        // The attack: challenge again after every ruling, so that voting never opens.
        as(BOB).body(Map.of("reason", "Four is still a lot"))
                .post(at + "/stakes/" + daves + "/challenges")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("ALREADY_RULED"))
                .body("challenge", equalTo(first));
        as(CAROL).get(at).then().body("openChallenges", equalTo(0));
        as(CAROL).body(Map.of("phase", "VOTING")).post(at + "/phase").then().statusCode(200);

        ProposalFixture.Made q = aProposal().by(BOB).withMembers(DAVE, ERIN).inDeliberation();
        String qt = "/api/v1/proposals/" + q.id();
        declare(DAVE, q, 0, 4);
        String stake = as(DAVE).get(qt + "/stakes/mine").then().extract().path("id");
        String lost = as(BOB).body(Map.of("reason", "Why 4?"))
                .post(qt + "/stakes/" + stake + "/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(CAROL)
                .body(Map.of("decision", "UPHOLD"))
                .post(qt + "/challenges/" + lost + "/resolution")
                .then()
                .statusCode(200);
        as(ERIN).body(Map.of("reason", "A doubt of my own"))
                .post(qt + "/stakes/" + stake + "/challenges")
                .then()
                .statusCode(201); // someone else still may
        declare(DAVE, q, 0, 3); // the declaration changed after the ruling
        as(BOB).body(Map.of("reason", "Why 3?"))
                .post(qt + "/stakes/" + stake + "/challenges")
                .then()
                .statusCode(201);
    }

    @Test
    void aFacilitatorOpensVotingOverOpenChallengesByDismissingThemWithAReasonOnTheLedger() {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE, ERIN).inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        declare(DAVE, p, 0, 4);
        declare(BOB, p, 0, 3);
        for (String who : List.of("dave", "bob")) {
            String stake = as(CAROL)
                    .get(at + "/stakes")
                    .then()
                    .extract()
                    .path("items.find { it.member.username == '" + who + "' }.id");
            as(ERIN).body(Map.of("reason", "Frivolous " + who))
                    .post(at + "/stakes/" + stake + "/challenges")
                    .then()
                    .statusCode(201);
        }
        int entries = as(CAROL).get(at + "/ledger/verify").then().extract().path("entries");
        as(CAROL)
                .body(Map.of())
                .post(at + "/challenges/resolution")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(CAROL)
                .body(Map.of("reason", " "))
                .post(at + "/challenges/resolution")
                .then()
                .statusCode(400);
        as(CAROL).post(at + "/challenges/resolution").then().statusCode(400);
        assertEquals(entries, (int)
                as(CAROL).get(at + "/ledger/verify").then().extract().path("entries"));
        as(ERIN).body(Map.of("reason", "Mine"))
                .post(at + "/challenges/resolution")
                .then()
                .statusCode(403);

        as(CAROL)
                .body(Map.of("reason", "Both tenants face the works; no doubt to settle"))
                .post(at + "/challenges/resolution")
                .then()
                .statusCode(200)
                .body("resolved", equalTo(2))
                .body("leftOpen", equalTo(0));
        List<String> resolutions = as(ERIN).get(at + "/ledger?limit=100")
                .then()
                .extract()
                .jsonPath()
                .getList("items.findAll { it.kind == 'CHALLENGE_RESOLVED' }.body");
        assertEquals(2, resolutions.size());
        resolutions.forEach(body -> org.hamcrest.MatcherAssert.assertThat(
                body, containsString("Both tenants face the works; no doubt to settle")));
        as(ERIN).get(at + "/challenges")
                .then()
                .body("items.resolutionNote", hasItem("Both tenants face the works; no doubt to settle"));
        as(CAROL).body(Map.of("phase", "VOTING")).post(at + "/phase").then().statusCode(200);
    }

    @Test
    void theChallengeWindowIsACirclePolicyFromZeroToADay() {
        String circle = as(ALICE)
                .body(Map.of("name", "Windowed " + System.nanoTime(), "kind", "CITY"))
                .post("/api/v1/circles")
                .then()
                .statusCode(201)
                .body("policy.challengeWindowMinutes", equalTo(60))
                .extract()
                .path("id");
        String policy = "/api/v1/circles/" + circle + "/policy";
        as(ALICE)
                .body(Map.of("budgetPeriod", "YEAR", "challengesEnabled", true, "challengeWindowMinutes", 1441))
                .put(policy)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("challengeWindowMinutes"));
        as(ALICE)
                .body(Map.of("budgetPeriod", "YEAR", "challengesEnabled", true, "challengeWindowMinutes", -1))
                .put(policy)
                .then()
                .statusCode(400);
        as(ALICE)
                .body(Map.of("budgetPeriod", "YEAR", "challengesEnabled", true, "challengeWindowMinutes", 1440))
                .put(policy)
                .then()
                .statusCode(200)
                .body("policy.challengeWindowMinutes", equalTo(1440));
        as(ALICE)
                .body(Map.of("budgetPeriod", "MONTH", "challengesEnabled", true, "stakeBudget", 30))
                .put(policy)
                .then()
                .statusCode(200)
                .body("policy.challengeWindowMinutes", equalTo(1440)) // absent: unchanged
                .body("policy.stakeBudget", equalTo(30));
        String fixtures = aCircle("Fixture").create();
        as(ALICE).get("/api/v1/circles/" + fixtures).then().body("policy.challengeWindowMinutes", equalTo(0));
    }
}
