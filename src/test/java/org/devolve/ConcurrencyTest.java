package org.devolve;

import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devolve.testing.Pages;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/** What must hold when many requests race, and when someone edits the database behind the service's back. */
@QuarkusTest
class ConcurrencyTest {

    @Inject
    AgroalDataSource db;

    @Test
    void sixtyFourConcurrentBallotsOfOneVoterLeaveOneCurrentBallotAndNo5xx() throws Exception {
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .choosingBetween("SINGLE_CHOICE", "A", "B", "C", "D")
                .inVotingWith(Map.of(BOB, 3));
        List<Integer> statuses = race(
                64,
                i -> as(BOB).body(Map.of("choice", i % 4))
                        .put("/api/v1/proposals/" + p.id() + "/ballot")
                        .then()
                        .extract()
                        .statusCode());
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201), "statuses: " + statuses);
        assertEquals(1, count("select count(*) from ballot where proposal_id = ? and current", p.id()));
        long recorded = count("select count(*) from ballot where proposal_id = ?", p.id());
        assertEquals(statuses.stream().filter(s -> s == 201).count(), recorded, "every 201 kept a ballot");
        assertEquals(
                1,
                count(
                        "select count(*) from stake s join ballot b on b.proposal_id = s.proposal_id "
                                + "and b.voter_id = s.member_id and b.current where s.proposal_id = ? and s.ballot[1] = b.choice",
                        p.id()),
                "the stake row counts the current ballot");
        List<Boolean> history = Pages.all(
                Pages.of(() -> as(BOB).queryParam("limit", 20), "/api/v1/proposals/" + p.id() + "/ballot/history"),
                "items.current");
        assertEquals(recorded, history.size(), "my history holds every ballot, page by page");
        assertEquals(List.of(true), history.stream().filter(c -> c).toList(), "and one of them is current");
        assertEquals(true, history.get(history.size() - 1), "the last one");
        as(BOB).get("/api/v1/proposals/" + p.id() + "/ledger/verify").then().body("valid", equalTo(true));
    }

    @Test
    void sixtyFourConcurrentAppendsKeepTheChain() throws Exception {
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE)
                .choosingBetween("APPROVAL", "A", "B", "C")
                .inVotingWith(Map.of(BOB, 2, CAROL, 3, DAVE, 4));
        long before = count("select seq from ledger_head where proposal_id = ?", p.id());
        var voters = List.of(BOB, CAROL, DAVE);
        List<Integer> statuses = race(
                64,
                i -> as(voters.get(i % 3))
                        .body(Map.of("approvals", List.of(i % 3)))
                        .put("/api/v1/proposals/" + p.id() + "/ballot")
                        .then()
                        .extract()
                        .statusCode());
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201), "statuses: " + statuses);
        long appended = count("select seq from ledger_head where proposal_id = ?", p.id()) - before;
        assertEquals(statuses.stream().filter(s -> s == 201).count(), appended);
        as(BOB).get("/api/v1/proposals/" + p.id() + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("entries", equalTo((int) (before + appended)));
        assertEquals(3, count("select count(*) from ballot where proposal_id = ? and current", p.id()));
    }

    @Test
    void aRowChangedOrDeletedInTheDatabaseIsReportedByVerify() throws Exception {
        ProposalFixture.Made p = aProposal().by(BOB).inVotingWith(Map.of(BOB, 3, CAROL, 2));
        as(BOB).body(Map.of("stance", "FOR"))
                .put("/api/v1/proposals/" + p.id() + "/ballot")
                .then()
                .statusCode(201);
        as(CAROL)
                .body(Map.of("stance", "AGAINST"))
                .put("/api/v1/proposals/" + p.id() + "/ballot")
                .then()
                .statusCode(201);
        as(BOB).get("/api/v1/proposals/" + p.id() + "/ledger/verify").then().body("valid", equalTo(true));
        long last = count("select seq from ledger_head where proposal_id = ?", p.id());

        // The database refuses to change the ledger...
        java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(
                java.sql.SQLException.class,
                () -> plainUpdate(
                        "update ledger_entry set kind = kind where proposal_id = ? and seq = ?", p.id(), last));
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        // ...but someone with database access, triggers off, swaps Carol's commitment for another.
        update(
                "update ledger_entry set body = regexp_replace(body, '\"commitment\":\"[0-9a-f]', "
                        + "'\"commitment\":\"x') where proposal_id = ? and seq = ?",
                p.id(),
                last);
        as(BOB).get("/api/v1/proposals/" + p.id() + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBroken", equalTo((int) last));

        // ...or, instead, removes an entry from the middle.
        ProposalFixture.Made q = aProposal().by(BOB).inVotingWith(Map.of(BOB, 3, CAROL, 2));
        update("delete from ledger_entry where proposal_id = ? and seq = ?", q.id(), 3L);
        as(BOB).get("/api/v1/proposals/" + q.id() + "/ledger/verify")
                .then()
                .body("valid", equalTo(false))
                .body("firstBroken", equalTo(3));

        // ...or the last one.
        ProposalFixture.Made r = aProposal().by(BOB).inVotingWith(Map.of(BOB, 3));
        long head = count("select seq from ledger_head where proposal_id = ?", r.id());
        update("delete from ledger_entry where proposal_id = ? and seq = ?", r.id(), head);
        as(BOB).get("/api/v1/proposals/" + r.id() + "/ledger/verify").then().body("valid", equalTo(false));
    }

    private interface Request {
        int call(int i);
    }

    private static List<Integer> race(int n, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                calls.add(() -> request.call(k));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private long count(String sql, String id) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** An edit by someone with database access who first turns the append-only trigger off for their session. */
    private void update(String sql, String id, long seq) throws Exception {
        try (Connection c = db.getConnection()) {
            try (java.sql.Statement off = c.createStatement()) {
                off.execute("set session_replication_role = replica");
            }
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, UUID.fromString(id));
                s.setLong(2, seq);
                assertEquals(1, s.executeUpdate());
            } finally {
                try (java.sql.Statement on = c.createStatement()) {
                    on.execute("set session_replication_role = origin");
                }
            }
        }
    }

    private void plainUpdate(String sql, String id, long seq) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            s.setLong(2, seq);
            s.executeUpdate();
        }
    }
}
