package org.devolve.proposal;

import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.devolve.testing.ProposalFixture.declare;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.devolve.testing.ProposalFixture;
import org.devolve.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deadline scheduler is fair and a close never hangs silently. A close that cannot be counted never
 * holds up the others: stored data the tally
 * engine refuses (a SPLIT ballot over the 1,000,000-point total, written straight into the database, as
 * issue 10 found one could be) is shown on the proposal and its result, counted in a metric and a health
 * detail, logged with its row, and retried after a growing pause while the other proposals move on, oldest
 * deadline first.
 */
@QuarkusTest
class DeadlineSchedulerTest {

    @Inject
    TestClock clock;

    @Inject
    Deadlines deadlines;

    @Inject
    Scheduler scheduler;

    @Inject
    AgroalDataSource db;

    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void onlyTheTestMovesDeadlines() {
        scheduler.pause("devolve-deadlines");
        Logger.getLogger(Deadlines.class.getName()).addHandler(capture);
    }

    @AfterEach
    void realTimeAgain() {
        Logger.getLogger(Deadlines.class.getName()).removeHandler(capture);
        clock.reset();
        scheduler.resume("devolve-deadlines");
    }

    @Test
    void aProposalThatCannotBeCountedIsShownStuckRetriedLaterAndHoldsNobodyUp() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.setTo(start);
        Instant day = start.plus(1, ChronoUnit.DAYS);
        ProposalFixture.Made stuck = splitInVoting(day);
        ProposalFixture.Made third = approveInVoting(day.plusSeconds(3));
        ProposalFixture.Made first = approveInVoting(day.plusSeconds(1));
        ProposalFixture.Made second = approveInVoting(day.plusSeconds(2));
        String badRow = corruptBallots(stuck);

        Instant now = day.plusSeconds(10);
        clock.setTo(now);
        deadlines.runDue(); // the three healthy proposals close, the broken one does not stop them
        for (ProposalFixture.Made p : List.of(first, second, third)) {
            phaseIs(p, "CLOSED");
        }
        assertEquals(
                List.of(first.id(), second.id(), third.id()),
                closingOrder(first, second, third),
                "oldest deadline first");

        phaseIs(stuck, "VOTING");
        as(DAVE).get("/api/v1/proposals/" + stuck.id())
                .then()
                .statusCode(200)
                .body("stuck.to", equalTo("CLOSED"))
                .body("stuck.reason", equalTo("ALLOCATION_INVALID"))
                .body("stuck.detail", org.hamcrest.Matchers.containsString("more than 1000000"))
                .body("stuck.since", equalTo(now.toString()))
                .body("stuck.attempts", equalTo(1))
                .body("stuck.nextAttemptAt", equalTo(now.plusSeconds(30).toString()));
        as(DAVE).get("/api/v1/proposals/" + stuck.id() + "/result")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("COUNT_FAILED"))
                .body("reason", equalTo("ALLOCATION_INVALID"))
                .body("attempts", equalTo(1))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(badRow)));
        long stuckNow = stuckGauge();
        assertTrue(stuckNow >= 1, "devolve_deadlines_stuck counts it");
        assertEquals(stuckInDatabase(), stuckNow, "every stuck proposal, whichever replica tried it");
        JsonPath health = JsonPath.from(RestAssured.get(management() + "/health/ready")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(stuckNow, health.getLong("checks.find { it.name == 'deadlines' }.data.stuck"));
        assertEquals(
                "UP",
                health.getString("checks.find { it.name == 'deadlines' }.status"),
                "a stuck proposal does not take the replica out of service");
        assertTrue(
                log.stream()
                        .anyMatch(line -> line.contains(stuck.id())
                                && line.contains("stake " + badRow)
                                && line.contains("ALLOCATION_INVALID")),
                "the log names the proposal and the row: " + log);

        deadlines.runDue();
        clock.setTo(now.plusSeconds(30).minusMillis(1));
        deadlines.runDue();
        attemptsAre(stuck, 1, "not retried on every tick, nor before its pause is over");
        clock.setTo(now.plusSeconds(30));
        deadlines.runDue();
        attemptsAre(stuck, 2, "retried once the pause is over");
        as(DAVE).get("/api/v1/proposals/" + stuck.id())
                .then()
                .body("stuck.since", equalTo(now.toString()))
                .body("stuck.nextAttemptAt", equalTo(now.plusSeconds(30 + 60).toString()));

        repairBallots(stuck);
        clock.setTo(now.plusSeconds(90));
        deadlines.runDue();
        phaseIs(stuck, "CLOSED");
        as(DAVE).get("/api/v1/proposals/" + stuck.id()).then().body("stuck", nullValue());
        as(DAVE).get("/api/v1/proposals/" + stuck.id() + "/result")
                .then()
                .statusCode(200)
                .body("tally.outcome", equalTo("WINNER"));
        assertEquals(stuckNow - 1, stuckGauge(), "no longer stuck");
    }

    @Test
    void aFacilitatorWhoClosesByHandWhatCannotBeCountedIsToldWhyNotGivenA500() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.setTo(start);
        ProposalFixture.Made p = splitInVoting(start.plus(1, ChronoUnit.DAYS));
        corruptBallots(p);
        as(CAROL)
                .body(Map.of("phase", "CLOSED"))
                .post("/api/v1/proposals/" + p.id() + "/phase")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("COUNT_FAILED"))
                .body("reason", equalTo("ALLOCATION_INVALID"));
        phaseIs(p, "VOTING");
        repairBallots(p);
    }

    @Test
    void aProposalIsNotPassedByWhileRowsThatReferToItAreBeingWritten() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.setTo(start);
        ProposalFixture.Made p = approveInVoting(start.plus(1, ChronoUnit.DAYS));
        clock.setTo(start.plus(1, ChronoUnit.DAYS));
        try (Connection writer = db.getConnection()) {
            writer.setAutoCommit(false);
            try (PreparedStatement share =
                    writer.prepareStatement("select 1 from proposal where id = ? for key share")) {
                // what inserting a row with a foreign key to the proposal takes: a page of its notifications
                share.setObject(1, UUID.fromString(p.id()));
                share.executeQuery().close();
            }
            var scheduler = Executors.newSingleThreadExecutor();
            try {
                var run = scheduler.submit(deadlines::runDue);
                Thread.sleep(300); // the run meets the writer's lock (the close then waits for it to end)
                writer.rollback();
                run.get();
            } finally {
                scheduler.shutdown();
            }
        }
        phaseIs(p, "CLOSED");
    }

    private ProposalFixture.Made splitInVoting(Instant votingEnds) {
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE)
                .choosingBetween("SPLIT", "Garden", "Car park")
                .with("votingEndsAt", votingEnds.toString())
                .inDeliberation();
        declare(BOB, p, 0, 3);
        declare(DAVE, p, 0, 2);
        as(CAROL)
                .body(Map.of("phase", "VOTING"))
                .post("/api/v1/proposals/" + p.id() + "/phase")
                .then()
                .statusCode(200);
        as(BOB).body(Map.of("allocation", Map.of("0", 3, "1", 1)))
                .put("/api/v1/proposals/" + p.id() + "/ballot")
                .then()
                .statusCode(201);
        return p;
    }

    private ProposalFixture.Made approveInVoting(Instant votingEnds) {
        ProposalFixture.Made p =
                aProposal().by(BOB).with("votingEndsAt", votingEnds.toString()).inDeliberation();
        declare(BOB, p, 0, 3);
        as(CAROL)
                .body(Map.of("phase", "VOTING"))
                .post("/api/v1/proposals/" + p.id() + "/phase")
                .then()
                .statusCode(200);
        as(BOB).body(Map.of("stance", "FOR"))
                .put("/api/v1/proposals/" + p.id() + "/ballot")
                .then()
                .statusCode(201);
        return p;
    }

    /** Writes the allocation issue 10 got past the API into the stored ballot; returns the stake row's id. */
    private String corruptBallots(ProposalFixture.Made p) throws Exception {
        return update(p, "{1000000,1000000}");
    }

    private void repairBallots(ProposalFixture.Made p) throws Exception {
        update(p, "{3,1}");
    }

    private String update(ProposalFixture.Made p, String ballot) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "update stake set ballot = cast(? as int[]) where proposal_id = ? and ballot is not null returning id")) {
            update.setString(1, ballot);
            update.setObject(2, UUID.fromString(p.id()));
            try (ResultSet rs = update.executeQuery()) {
                assertTrue(rs.next(), "a stored ballot");
                return rs.getString(1);
            }
        }
    }

    /** The proposals in the order their closes committed (each close queues its notice in its transaction). */
    private List<String> closingOrder(ProposalFixture.Made... proposals) throws Exception {
        List<String> order = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("""
                select payload->>'proposalId' from outbox where topic = 'notification'
                and payload->>'kind' = 'PROPOSAL_CLOSED' and payload->>'proposalId' = any (?) order by id""")) {
            q.setArray(
                    1,
                    c.createArrayOf(
                            "text",
                            Arrays.stream(proposals)
                                    .map(ProposalFixture.Made::id)
                                    .toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    order.add(rs.getString(1));
                }
            }
        }
        return order;
    }

    private long stuckInDatabase() throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*) from deadline_failure");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void attemptsAre(ProposalFixture.Made p, int attempts, String why) {
        as(DAVE).get("/api/v1/proposals/" + p.id()).then().body("stuck.attempts", equalTo(attempts));
    }

    private static void phaseIs(ProposalFixture.Made p, String phase) {
        as(BOB).get("/api/v1/proposals/" + p.id()).then().statusCode(200).body("phase", equalTo(phase));
    }

    private static String management() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("test.management.url", String.class);
    }

    private static long stuckGauge() {
        String metrics = RestAssured.get(management() + "/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(l -> l.startsWith("devolve_deadlines_stuck "))
                .findFirst()
                .map(l -> (long)
                        Double.parseDouble(l.substring(l.indexOf(' ') + 1).trim()))
                .orElseThrow(() -> new AssertionError("no devolve_deadlines_stuck in the metrics"));
    }
}
