package org.devolve.proposal;

import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.devolve.testing.ProposalFixture.declare;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.devolve.testing.Outboxes;
import org.devolve.testing.ProposalFixture;
import org.devolve.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lifecycle at its deadlines, with a clock the test controls to the millisecond. */
@QuarkusTest
class DeadlineTest {

    @Inject
    TestClock clock;

    @Inject
    Deadlines deadlines;

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    /**
     * The tests that step the clock run the deadlines themselves, with the service's own tick paused: otherwise
     * it could close a proposal between two steps. {@link #theSchedulerMovesProposalsOnByItself} resumes it.
     */
    @org.junit.jupiter.api.BeforeEach
    void onlyTheTestMovesDeadlines() {
        scheduler.pause("devolve-deadlines");
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
        scheduler.resume("devolve-deadlines");
    }

    @Test
    void votingOpensAndClosesAtTheDeadlinesAndABallotOneMillisecondLateIsRefused() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant deliberationEnds = start.plus(2, ChronoUnit.DAYS);
        Instant votingEnds = start.plus(5, ChronoUnit.DAYS);
        clock.setTo(start);
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE)
                .with("deliberationEndsAt", deliberationEnds.toString())
                .with("votingEndsAt", votingEnds.toString())
                .inDeliberation();
        declare(BOB, p, 0, 3);
        declare(DAVE, p, 0, 2);

        clock.setTo(deliberationEnds.minusMillis(1));
        deadlines.runDue();
        phaseIs(p, "DELIBERATION");
        clock.setTo(deliberationEnds);
        deadlines.runDue();
        phaseIs(p, "VOTING");
        as(BOB).get("/api/v1/proposals/" + p.id() + "/ledger?limit=100")
                .then()
                .body("items.body", hasItem(org.hamcrest.Matchers.containsString("\"trigger\":\"DEADLINE\"")));

        clock.setTo(votingEnds.minusMillis(1));
        as(BOB).body(Map.of("stance", "FOR"))
                .put("/api/v1/proposals/" + p.id() + "/ballot")
                .then()
                .statusCode(201);
        clock.setTo(votingEnds);
        as(DAVE).body(Map.of("stance", "AGAINST"))
                .put("/api/v1/proposals/" + p.id() + "/ballot")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("VOTING_CLOSED"));
        phaseIs(p, "VOTING");
        deadlines.runDue();
        phaseIs(p, "CLOSED");
        as(DAVE).get("/api/v1/proposals/" + p.id() + "/result")
                .then()
                .statusCode(200)
                .body("tally.outcome", equalTo("ADOPTED"))
                .body("tally.totals[1]", equalTo("0.000000"));
    }

    @Test
    void anOpenChallengeHoldsVotingBackAndItsFacilitatorsAreToldOnce() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant deliberationEnds = start.plus(1, ChronoUnit.DAYS);
        clock.setTo(start);
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE)
                .facilitatedBy(CAROL)
                .with("deliberationEndsAt", deliberationEnds.toString())
                .with("votingEndsAt", start.plus(3, ChronoUnit.DAYS).toString())
                .inDeliberation();
        declare(BOB, p, 0, 5);
        String stake = as(DAVE).get("/api/v1/proposals/" + p.id() + "/stakes")
                .then()
                .extract()
                .path("items[0].id");
        as(DAVE).body(Map.of("reason", "Not vital"))
                .post("/api/v1/proposals/" + p.id() + "/stakes/" + stake + "/challenges")
                .then()
                .statusCode(201);
        clock.setTo(deliberationEnds.plusSeconds(1));
        deadlines.runDue();
        deadlines.runDue();
        phaseIs(p, "DELIBERATION");
        Outboxes.drain();
        int told = as(CAROL)
                .get("/api/v1/notifications")
                .then()
                .extract()
                .jsonPath()
                .getList("items.findAll { it.kind == 'VOTING_DELAYED' && it.proposalId == '" + p.id() + "' }")
                .size();
        assertEquals(1, told);
        as(CAROL)
                .body(Map.of("reason", "Nothing to lower"))
                .post("/api/v1/proposals/" + p.id() + "/challenges/resolution")
                .then()
                .statusCode(200)
                .body("resolved", equalTo(1));
        deadlines.runDue();
        phaseIs(p, "VOTING");
    }

    @Test
    void twoSchedulersAtOnceMoveEachProposalExactlyOnce() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant deliberationEnds = start.plus(1, ChronoUnit.DAYS);
        clock.setTo(start);
        List<ProposalFixture.Made> due = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            due.add(aProposal()
                    .by(BOB)
                    .with("deliberationEndsAt", deliberationEnds.toString())
                    .with("votingEndsAt", start.plus(2, ChronoUnit.DAYS).toString())
                    .inDeliberation());
        }
        clock.setTo(deliberationEnds);
        // Two replicas' ticks, concurrently.
        var pool = Executors.newFixedThreadPool(2);
        var a = pool.submit(deadlines::runDue);
        var b = pool.submit(deadlines::runDue);
        a.get();
        b.get();
        pool.shutdown();
        for (ProposalFixture.Made p : due) {
            phaseIs(p, "VOTING");
            int openings = as(BOB).get("/api/v1/proposals/" + p.id() + "/ledger?limit=100")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("items.findAll { it.kind == 'PHASE_CHANGED' && it.body.contains('\"to\":\"VOTING\"') }")
                    .size();
            assertEquals(1, openings, "voting opened once in " + p.id());
        }
    }

    @Test
    void theSchedulerMovesProposalsOnByItself() throws InterruptedException {
        scheduler.resume("devolve-deadlines");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant deliberationEnds = start.plus(1, ChronoUnit.HOURS);
        clock.setTo(start);
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .with("deliberationEndsAt", deliberationEnds.toString())
                .with("votingEndsAt", start.plus(2, ChronoUnit.HOURS).toString())
                .inDeliberation();
        clock.runFrom(deliberationEnds.minusMillis(1500));
        long until = System.currentTimeMillis() + 20_000;
        String phase = "DELIBERATION";
        while (System.currentTimeMillis() < until && phase.equals("DELIBERATION")) {
            Thread.sleep(250);
            phase = as(BOB).get("/api/v1/proposals/" + p.id()).then().extract().path("phase");
        }
        assertEquals("VOTING", phase, "nobody but the scheduler moved it");
    }

    private static void phaseIs(ProposalFixture.Made p, String phase) {
        as(BOB).get("/api/v1/proposals/" + p.id()).then().statusCode(200).body("phase", equalTo(phase));
    }
}
