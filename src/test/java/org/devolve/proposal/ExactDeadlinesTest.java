package org.devolve.proposal;

import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.ERIN;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.devolve.testing.ProposalFixture.declare;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devolve.testing.ProposalFixture;
import org.devolve.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines are exact: at the instant a phase ends, nothing that belongs to it is accepted any more, whether or not
 * the scheduler has run. The clock is the test's, to the millisecond; the service's own scheduler is paused so that
 * only the test moves proposals on ({@link Deadlines#runDue}), as a late tick would.
 */
@QuarkusTest
class ExactDeadlinesTest {

    @Inject
    TestClock clock;

    @Inject
    Deadlines deadlines;

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    private Instant start;

    @BeforeEach
    void onlyTheTestMovesDeadlines() {
        scheduler.pause("devolve-deadlines");
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.setTo(start);
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
        scheduler.resume("devolve-deadlines");
    }

    private ProposalFixture.Made proposal(Instant deliberationEnds, Instant votingEnds) {
        return aProposal()
                .by(BOB)
                .withMembers(DAVE, ERIN)
                .with("deliberationEndsAt", deliberationEnds.toString())
                .with("votingEndsAt", votingEnds.toString())
                .inDeliberation();
    }

    @Test
    void atTheDeliberationDeadlineDeclarationsChallengesAndNewGroupsStop() {
        Instant ends = start.plus(2, ChronoUnit.DAYS);
        ProposalFixture.Made p = proposal(ends, start.plus(4, ChronoUnit.DAYS));
        String at = "/api/v1/proposals/" + p.id();
        declare(BOB, p, 0, 3);
        String bobs = as(BOB).get(at + "/stakes/mine").then().extract().path("id");

        clock.setTo(ends.minusMillis(1));
        declare(DAVE, p, 0, 2);
        String challenge = as(ERIN).body(Map.of("reason", "Bob is away half the year"))
                .post(at + "/stakes/" + bobs + "/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(CAROL)
                .body(Map.of("name", "Shop keepers", "suggestedLevel", 2))
                .post(at + "/groups")
                .then()
                .statusCode(201);

        clock.setTo(ends);
        int entries = entries(at);
        as(DAVE).body(Map.of("groupId", p.group(0), "level", 1))
                .put(at + "/stakes/mine")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("DELIBERATION_ENDED"))
                .body("deliberationEndsAt", equalTo(ends.toString()));
        as(ERIN).body(Map.of("groupId", p.group(0), "level", 3, "reason", "x"))
                .put(at + "/stakes/mine")
                .then()
                .statusCode(409)
                .body("code", equalTo("DELIBERATION_ENDED"));
        as(DAVE).body(Map.of("reason", "Me too"))
                .post(at + "/stakes/" + bobs + "/challenges")
                .then()
                .statusCode(409)
                .body("code", equalTo("DELIBERATION_ENDED"));
        as(CAROL)
                .body(Map.of("name", "Cyclists", "suggestedLevel", 1))
                .post(at + "/groups")
                .then()
                .statusCode(409)
                .body("code", equalTo("DELIBERATION_ENDED"));
        assertEquals(entries, entries(at), "nothing refused reached the ledger");
        as(DAVE).get(at).then().body("phase", equalTo("DELIBERATION")).body("affectedGroups.size()", equalTo(2));

        // What settles the open challenge still goes on, so that voting can open.
        as(BOB).body(Map.of("answer", "I live here all year"))
                .post(at + "/challenges/" + challenge + "/answer")
                .then()
                .statusCode(200);
        as(CAROL)
                .body(Map.of("decision", "UPHOLD"))
                .post(at + "/challenges/" + challenge + "/resolution")
                .then()
                .statusCode(200);
        deadlines.runDue();
        as(DAVE).get(at).then().body("phase", equalTo("VOTING"));
        as(DAVE).get(at + "/stakes/mine").then().body("level", equalTo(2));
    }

    @Test
    void atTheVotingDeadlineDelegationsAndDeadlineChangesStopAndAnEndedVoteCannotBeReopened() {
        Instant votingEnds = start.plus(5, ChronoUnit.DAYS);
        ProposalFixture.Made p = proposal(start.plus(2, ChronoUnit.DAYS), votingEnds);
        String at = "/api/v1/proposals/" + p.id();
        declare(BOB, p, 0, 3);
        declare(DAVE, p, 0, 2);
        declare(ERIN, p, 0, 1);
        clock.setTo(start.plus(2, ChronoUnit.DAYS));
        deadlines.runDue();

        clock.setTo(votingEnds.minusMillis(1));
        as(BOB).body(Map.of("stance", "FOR")).put(at + "/ballot").then().statusCode(201);
        as(DAVE).body(Map.of("delegateId", idOf(BOB)))
                .put(at + "/delegation")
                .then()
                .statusCode(200);
        as(ERIN).body(Map.of("delegateId", idOf(BOB)))
                .put(at + "/delegation")
                .then()
                .statusCode(200);

        clock.setTo(votingEnds);
        int entries = entries(at);
        as(ERIN).delete(at + "/delegation")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("VOTING_CLOSED"))
                .body("votingEndsAt", equalTo(votingEnds.toString()));
        as(DAVE).body(Map.of("delegateId", idOf(CAROL)))
                .put(at + "/delegation")
                .then()
                .statusCode(409)
                .body("code", equalTo("VOTING_CLOSED"));
        Map<String, Object> later = new HashMap<>();
        later.put("votingEndsAt", votingEnds.plus(7, ChronoUnit.DAYS).toString());
        as(CAROL).body(later).put(at + "/deadlines").then().statusCode(409).body("code", equalTo("VOTING_CLOSED"));
        Map<String, Object> none = new HashMap<>();
        none.put("votingEndsAt", null);
        as(CAROL).body(none).put(at + "/deadlines").then().statusCode(409).body("code", equalTo("VOTING_CLOSED"));
        assertEquals(entries, entries(at), "nothing refused reached the ledger");
        as(DAVE).get(at).then().body("phase", equalTo("VOTING")).body("votingEndsAt", equalTo(votingEnds.toString()));

        deadlines.runDue();
        as(DAVE).get(at + "/result")
                .then()
                .statusCode(200)
                .body("tally.outcome", equalTo("ADOPTED"))
                .body("tally.delegation.delegatorsFollowed", equalTo(2))
                .body("tally.totals[0]", equalTo("6.000000"));
    }

    @Test
    void requestsRacingTheCloseAtTheVotingDeadlineAreAllRefused() throws Exception {
        Instant votingEnds = start.plus(3, ChronoUnit.DAYS);
        ProposalFixture.Made p = proposal(start.plus(1, ChronoUnit.DAYS), votingEnds);
        String at = "/api/v1/proposals/" + p.id();
        declare(BOB, p, 0, 3);
        declare(DAVE, p, 0, 2);
        declare(ERIN, p, 0, 1);
        clock.setTo(start.plus(1, ChronoUnit.DAYS));
        deadlines.runDue();
        clock.setTo(votingEnds.minusMillis(1));
        as(BOB).body(Map.of("stance", "FOR")).put(at + "/ballot").then().statusCode(201);
        as(ERIN).body(Map.of("delegateId", idOf(BOB)))
                .put(at + "/delegation")
                .then()
                .statusCode(200);
        String bob = idOf(BOB);
        String carol = idOf(CAROL);
        int entries = entries(at);

        clock.setTo(votingEnds);
        // First the scheduler is late: a burst of requests at the instant, before anything closes the proposal...
        List<Integer> beforeTheClose = race(lastMinute(at, votingEnds, bob, carol, 24));
        assertTrue(beforeTheClose.stream().allMatch(s -> s == 409), "refused at the instant: " + beforeTheClose);
        as(DAVE).get(at).then().body("phase", equalTo("VOTING"));
        assertEquals(entries, entries(at), "nothing refused reached the ledger");
        // ...then another, racing the close itself.
        List<Callable<Integer>> calls = new ArrayList<>(lastMinute(at, votingEnds, bob, carol, 24));
        calls.add(12, () -> deadlines.runDue());
        List<Integer> statuses = race(calls);
        List<Integer> requests = new ArrayList<>(statuses);
        requests.remove(12);
        assertTrue(requests.stream().allMatch(s -> s == 409), "refused at the instant: " + requests);
        // the close skips a proposal that a refused request holds locked at that moment (SKIP LOCKED): the next tick
        // closes it, whichever way the race went
        deadlines.runDue();
        as(DAVE).get(at).then().body("phase", equalTo("CLOSED")).body("votingEndsAt", equalTo(votingEnds.toString()));
        List<String> kinds = as(DAVE).get(at + "/ledger?limit=100")
                .then()
                .extract()
                .jsonPath()
                .getList("items.kind");
        assertEquals(entries + 1, kinds.size(), "only the close was written: " + kinds);
        assertEquals("PHASE_CHANGED", kinds.get(kinds.size() - 1));
        as(DAVE).get(at + "/result").then().body("tally.delegation.delegatorsFollowed", equalTo(1));
    }

    @Test
    void aDeadlineMovesOnlyWhileItLiesAheadAndAnOpenVoteKeepsItsEnd() {
        Instant deliberationEnds = start.plus(1, ChronoUnit.DAYS);
        Instant votingEnds = start.plus(3, ChronoUnit.DAYS);
        ProposalFixture.Made p = proposal(deliberationEnds, votingEnds);
        String at = "/api/v1/proposals/" + p.id();
        declare(BOB, p, 0, 5);
        String bobs = as(BOB).get(at + "/stakes/mine").then().extract().path("id");
        as(DAVE).body(Map.of("reason", "Not vital"))
                .post(at + "/stakes/" + bobs + "/challenges")
                .then()
                .statusCode(201);
        clock.setTo(deliberationEnds.plusSeconds(1));
        deadlines.runDue(); // held back by the open challenge

        as(CAROL)
                .body(deadlinesOf(deliberationEnds.plus(2, ChronoUnit.DAYS), votingEnds.plus(2, ChronoUnit.DAYS)))
                .put(at + "/deadlines")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("DEADLINE_PASSED"))
                .body("deadline", equalTo("deliberationEndsAt"));
        as(CAROL)
                .body(deadlinesOf(null, votingEnds))
                .put(at + "/deadlines")
                .then()
                .statusCode(409)
                .body("code", equalTo("DEADLINE_PASSED"));
        as(CAROL)
                .body(deadlinesOf(deliberationEnds, start))
                .put(at + "/deadlines")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("IN_THE_PAST"));
        as(CAROL)
                .body(deadlinesOf(deliberationEnds, votingEnds.plus(1, ChronoUnit.DAYS)))
                .put(at + "/deadlines")
                .then()
                .statusCode(200)
                .body("deliberationEndsAt", equalTo(deliberationEnds.toString()));
        Instant newEnd = votingEnds.plus(1, ChronoUnit.DAYS);

        as(CAROL)
                .body(Map.of("reason", "Vital is fair here"))
                .post(at + "/challenges/resolution")
                .then()
                .statusCode(200);
        deadlines.runDue();
        as(CAROL).get(at).then().body("phase", equalTo("VOTING"));
        as(CAROL)
                .body(deadlinesOf(null, null))
                .put(at + "/deadlines")
                .then()
                .statusCode(409)
                .body("code", equalTo("DEADLINE_REQUIRED"))
                .body("deadline", equalTo("votingEndsAt"));
        as(CAROL)
                .body(deadlinesOf(deliberationEnds.plus(1, ChronoUnit.HOURS), newEnd))
                .put(at + "/deadlines")
                .then()
                .statusCode(409)
                .body("code", equalTo("DEADLINE_PASSED"));
        as(CAROL)
                .body(deadlinesOf(null, deliberationEnds))
                .put(at + "/deadlines")
                .then()
                .statusCode(400)
                .body("errors.code", org.hamcrest.Matchers.hasItem("IN_THE_PAST"));
        Instant sooner = deliberationEnds.plus(2, ChronoUnit.HOURS);
        as(CAROL)
                .body(deadlinesOf(null, sooner))
                .put(at + "/deadlines")
                .then()
                .statusCode(200)
                .body("votingEndsAt", equalTo(sooner.toString()));
        as(CAROL).get(at).then().body("votingEndsAt", equalTo(sooner.toString()));
    }

    @Test
    void votingCannotOpenOnceItsEndHasPassedByHandOrByTheScheduler() {
        Instant votingEnds = start.plus(2, ChronoUnit.DAYS);
        ProposalFixture.Made p = proposal(start.plus(1, ChronoUnit.DAYS), votingEnds);
        String at = "/api/v1/proposals/" + p.id();
        declare(BOB, p, 0, 5);
        String bobs = as(BOB).get(at + "/stakes/mine").then().extract().path("id");
        as(DAVE).body(Map.of("reason", "Not vital"))
                .post(at + "/stakes/" + bobs + "/challenges")
                .then()
                .statusCode(201);
        ProposalFixture.Made q = proposal(start.plus(1, ChronoUnit.DAYS), votingEnds);

        clock.setTo(votingEnds);
        deadlines.runDue(); // p is held back by its challenge; q, unchallenged, would open, but its vote has ended
        as(CAROL).get("/api/v1/proposals/" + q.id()).then().body("phase", equalTo("DELIBERATION"));
        as(CAROL)
                .body(Map.of("reason", "Settled in the meeting"))
                .post(at + "/challenges/resolution")
                .then()
                .statusCode(200);
        as(CAROL)
                .body(Map.of("phase", "VOTING"))
                .post(at + "/phase")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("VOTING_CLOSED"))
                .body("votingEndsAt", equalTo(votingEnds.toString()));
        deadlines.runDue();
        as(CAROL).get(at).then().body("phase", equalTo("DELIBERATION"));
        as(CAROL)
                .body(deadlinesOf(null, votingEnds.plus(3, ChronoUnit.DAYS)))
                .put(at + "/deadlines")
                .then()
                .statusCode(409)
                .body("code", equalTo("VOTING_CLOSED"));
        as(BOB).body(Map.of("phase", "WITHDRAWN")).post(at + "/phase").then().statusCode(200);

        // One millisecond earlier, a facilitator could still have opened it.
        ProposalFixture.Made r = proposal(votingEnds.plus(1, ChronoUnit.DAYS), votingEnds.plus(2, ChronoUnit.DAYS));
        clock.setTo(votingEnds.plus(2, ChronoUnit.DAYS).minusMillis(1));
        as(CAROL)
                .body(Map.of("phase", "VOTING"))
                .post("/api/v1/proposals/" + r.id() + "/phase")
                .then()
                .statusCode(200);
    }

    /** Delegations set and revoked, the end of voting moved later, and ballots: what a last-minute crowd tries. */
    private static List<Callable<Integer>> lastMinute(String at, Instant votingEnds, String bob, String carol, int n) {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            calls.add(() -> switch (k % 4) {
                case 0 ->
                    as(DAVE).body(Map.of("delegateId", k % 8 == 0 ? bob : carol))
                            .put(at + "/delegation")
                            .then()
                            .extract()
                            .statusCode();
                case 1 -> as(ERIN).delete(at + "/delegation").then().extract().statusCode();
                case 2 ->
                    as(CAROL)
                            .body(Map.of(
                                    "votingEndsAt",
                                    votingEnds.plus(k, ChronoUnit.DAYS).toString()))
                            .put(at + "/deadlines")
                            .then()
                            .extract()
                            .statusCode();
                default ->
                    as(DAVE).body(Map.of("stance", "AGAINST"))
                            .put(at + "/ballot")
                            .then()
                            .extract()
                            .statusCode();
            });
        }
        return calls;
    }

    private static List<Integer> race(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, Object> deadlinesOf(Instant deliberation, Instant voting) {
        Map<String, Object> body = new HashMap<>();
        body.put("deliberationEndsAt", deliberation == null ? null : deliberation.toString());
        body.put("votingEndsAt", voting == null ? null : voting.toString());
        return body;
    }

    private static int entries(String at) {
        return as(CAROL)
                .get(at + "/ledger/verify")
                .then()
                .body("valid", equalTo(true))
                .extract()
                .path("entries");
    }
}
