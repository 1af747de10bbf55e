package org.devolve.ballot;

import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.devolve.ledger.Ledger;
import org.devolve.proposal.Proposals;
import org.devolve.stake.Stakes;
import org.devolve.tally.Method;
import org.devolve.tally.io.BallotJson;
import org.devolve.tally.io.LedgerReplay;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * Group commit: ballots of one proposal arriving together are written in one transaction under one lock, each its own
 * ledger entry, each answered after the commit; one refused under the lock refuses only itself; a batch the database
 * refuses acknowledges none.
 */
@QuarkusTest
class GroupCommitTest {

    @Inject
    AgroalDataSource db;

    @Inject
    EntityManager em;

    @Inject
    Proposals proposals;

    @Inject
    Stakes stakes;

    @Inject
    Ledger ledger;

    @Inject
    BallotBatches batches;

    @Test
    void manyVotersAtOnceOnOneProposalAreEachInTheLedgerOnceInSharedTransactions() throws Exception {
        int voters = 48;
        int rounds = 4;
        Map<People.Person, Integer> declared = new LinkedHashMap<>();
        List<People.Person> crowd = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            People.Person v = People.someone("batch");
            crowd.add(v);
            declared.put(v, 1 + i % 5);
        }
        ProposalFixture.Made p = aProposal()
                .by(CAROL)
                .facilitatedBy(CAROL)
                .withMembers(crowd.toArray(People.Person[]::new))
                .inVotingWith(declared);
        for (People.Person v : crowd) {
            as(v).get("/api/v1/me").then().statusCode(200); // tokens and members made before the race
        }
        long before = scalar("select seq from ledger_head where proposal_id = ?", p.id());
        String at = "/api/v1/proposals/" + p.id() + "/ballot";
        ConcurrentLinkedQueue<String> receipts = new ConcurrentLinkedQueue<>();
        Map<String, String> lastStance = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(voters);
        List<Future<?>> done = new ArrayList<>();
        for (People.Person v : crowd) {
            done.add(pool.submit(() -> {
                go.await();
                for (int r = 0; r < rounds; r++) {
                    String stance = r % 2 == 0 ? "FOR" : "AGAINST";
                    var response = as(v).body(Map.of("stance", stance)).put(at);
                    if (response.statusCode() == 201) {
                        receipts.add(response.jsonPath().getString("receipt"));
                        lastStance.put(idOf(v), stance);
                    } else {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(0, failures.get(), "every ballot changed the voter's vote, so every answer is a 201");
        assertEquals(voters * rounds, receipts.size());
        assertEquals(receipts.size(), receipts.stream().distinct().count(), "every receipt is its own");
        for (String receipt : receipts) {
            assertEquals(
                    1,
                    scalar(
                            "select count(*) from ledger_entry where proposal_id = ? and hash = '" + receipt
                                    + "' and kind = 'BALLOT_CAST'",
                            p.id()),
                    "the acknowledged ballot " + receipt + " is in the ledger once");
        }
        assertEquals(
                before + receipts.size(),
                scalar("select seq from ledger_head where proposal_id = ?", p.id()),
                "nothing else was appended");
        assertEquals(receipts.size(), scalar("select count(*) from ballot where proposal_id = ?", p.id()));
        assertEquals(voters, scalar("select count(*) from ballot where proposal_id = ? and current", p.id()));
        assertEquals(
                voters,
                scalar(
                        "select count(*) from stake s join ballot b on b.proposal_id = s.proposal_id "
                                + "and b.voter_id = s.member_id and b.current where s.proposal_id = ? "
                                + "and s.ballot[1] = b.stance and b.stance = 1",
                        p.id()),
                "each stake row counts its voter's last ballot, AGAINST");
        // the transactions that appended the ballots' ledger entries: the ledger is append-only, so each entry
        // keeps the xmin of the transaction that wrote it (a ballot row's xmin moves when a later ballot retires it)
        long transactions = scalar(
                "select count(distinct xmin::text) from ledger_entry where proposal_id = ? and kind = 'BALLOT_CAST'",
                p.id());
        System.out.printf("[group commit] %d ballots in %d transactions%n", receipts.size(), transactions);
        assertTrue(transactions < receipts.size(), "ballots arriving together shared a transaction");
        for (int i = 0; i < 50 && batches.queues() > 0; i++) {
            Thread.sleep(20); // the drainer removes its queue a moment after answering the last ballot
        }
        assertEquals(0, batches.queues(), "once every ballot is answered, no proposal keeps a queue");
        as(CAROL)
                .get("/api/v1/proposals/" + p.id() + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void theSameVoterTwiceInOneBatchIsReplacedInOrder() throws Exception {
        ProposalFixture.Made p = aProposal().by(BOB).inVotingWith(Map.of(BOB, 3, CAROL, 2));
        UUID id = UUID.fromString(p.id());
        UUID bob = UUID.fromString(idOf(BOB));
        RecordBallots record = new RecordBallots(em, proposals, stakes, ledger, Clock.systemUTC());
        List<RecordBallots.Outcome> out = QuarkusTransaction.requiringNew()
                .call(() -> record.record(id, List.of(intent(id, bob, 0), intent(id, bob, 1), intent(id, bob, 1))));
        assertTrue(out.get(0).cast().changed());
        assertTrue(out.get(1).cast().changed());
        assertTrue(!out.get(2).cast().changed(), "the same ballot again changes nothing");
        assertEquals(out.get(1).cast().receipt(), out.get(2).cast().receipt(), "and gives the same receipt");
        assertTrue(out.get(1).cast().castAt().isAfter(out.get(0).cast().castAt()));
        String second = entryBody(p.id(), out.get(1).cast().receipt());
        assertTrue(
                second.contains("\"replaces\":\"" + out.get(0).cast().receipt() + "\""),
                "the later names the earlier: " + second);
        as(BOB).get("/api/v1/proposals/" + p.id() + "/ballot")
                .then()
                .statusCode(200)
                .body("receipt", equalTo(out.get(1).cast().receipt()))
                .body("ballot.stance", equalTo("AGAINST"));
        List<String> history = as(BOB).get("/api/v1/proposals/" + p.id() + "/ballot/history")
                .then()
                .extract()
                .jsonPath()
                .getList("items.receipt");
        assertEquals(List.of(out.get(0).cast().receipt(), out.get(1).cast().receipt()), history);
        assertEquals(
                1,
                scalar(
                        "select count(*) from stake where proposal_id = ? and member_id = '" + bob
                                + "' and ballot = '{1}'",
                        p.id()));
        as(BOB).get("/api/v1/proposals/" + p.id() + "/ledger/verify").then().body("valid", equalTo(true));

        // the next batch replaces the stored current one
        List<RecordBallots.Outcome> next =
                QuarkusTransaction.requiringNew().call(() -> record.record(id, List.of(intent(id, bob, 2))));
        assertTrue(entryBody(p.id(), next.get(0).cast().receipt())
                .contains("\"replaces\":\"" + out.get(1).cast().receipt() + "\""));
        assertEquals(1, scalar("select count(*) from ballot where proposal_id = ? and current", p.id()));
    }

    @Test
    void aBallotRefusedUnderTheLockRefusesOnlyItself() throws Exception {
        Instant ends = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE)
                .with("votingEndsAt", ends.toString())
                .inVotingWith(Map.of(BOB, 3, CAROL, 2, DAVE, 1));
        UUID id = UUID.fromString(p.id());
        long before = scalar("select seq from ledger_head where proposal_id = ?", p.id());
        // the clock as the batch reads it, once per ballot: the voting deadline's last millisecond, then the deadline
        Clock straddling = new Clock() {
            private final AtomicInteger reads = new AtomicInteger();

            @Override
            public Instant instant() {
                return reads.getAndIncrement() == 0 ? ends.minusMillis(1) : ends;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        RecordBallots record = new RecordBallots(em, proposals, stakes, ledger, straddling);
        UUID bob = UUID.fromString(idOf(BOB));
        UUID dave = UUID.fromString(idOf(DAVE));
        List<RecordBallots.Outcome> out = QuarkusTransaction.requiringNew()
                .call(() -> record.record(id, List.of(intent(id, bob, 0), intent(id, dave, 1))));
        assertNotNull(out.get(0).cast(), "the ballot of the last millisecond counts");
        assertEquals(ends.minusMillis(1), out.get(0).cast().castAt());
        assertNull(out.get(1).cast());
        assertEquals("VOTING_CLOSED", out.get(1).refused().code().name());
        assertEquals(before + 1, scalar("select seq from ledger_head where proposal_id = ?", p.id()));
        assertEquals(
                0, scalar("select count(*) from ballot where proposal_id = ? and voter_id = '" + dave + "'", p.id()));
        as(BOB).get("/api/v1/proposals/" + p.id() + "/ballot")
                .then()
                .statusCode(200)
                .body("receipt", equalTo(out.get(0).cast().receipt()));
        as(BOB).get("/api/v1/proposals/" + p.id() + "/ledger/verify").then().body("valid", equalTo(true));
    }

    @Test
    void aBatchTheDatabaseRefusesAcknowledgesNoneOfItsBallots() throws Exception {
        ProposalFixture.Made p = aProposal().by(BOB).inVotingWith(Map.of(BOB, 3, CAROL, 2));
        UUID id = UUID.fromString(p.id());
        UUID bob = UUID.fromString(idOf(BOB));
        UUID carol = UUID.fromString(idOf(CAROL));
        long before = scalar("select seq from ledger_head where proposal_id = ?", p.id());
        RecordBallots record = new RecordBallots(em, proposals, stakes, ledger, Clock.systemUTC());
        Intent broken =
                new Intent(id, carol, carol.toString(), Method.APPROVE_REJECT, new int[] {1}, "not-a-salt", "x", "y");
        assertThrows(
                RuntimeException.class,
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> record.record(id, List.of(intent(id, bob, 0), broken))));
        assertEquals(before, scalar("select seq from ledger_head where proposal_id = ?", p.id()), "no entry");
        assertEquals(0, scalar("select count(*) from ballot where proposal_id = ?", p.id()), "no ballot");
        assertEquals(0, scalar("select count(*) from stake where proposal_id = ? and ballot is not null", p.id()));
        // and through the queue, its waiter is answered with the failure, not a receipt
        assertThrows(RuntimeException.class, () -> batches.submit(broken));
        assertEquals(before, scalar("select seq from ledger_head where proposal_id = ?", p.id()));
        as(BOB).body(Map.of("stance", "FOR"))
                .put("/api/v1/proposals/" + p.id() + "/ballot")
                .then()
                .statusCode(201);
    }

    private static Intent intent(UUID proposal, UUID voter, int stance) {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        String salt = HexFormat.of().formatHex(bytes);
        int[] values = {stance};
        String committed = BallotJson.canonical(Method.APPROVE_REJECT, values);
        return new Intent(
                proposal,
                voter,
                voter.toString(),
                Method.APPROVE_REJECT,
                values,
                salt,
                committed,
                LedgerReplay.commitment(salt, committed));
    }

    private String entryBody(String proposal, String hash) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select body from ledger_entry where proposal_id = ? and hash = ?")) {
            s.setObject(1, UUID.fromString(proposal));
            s.setString(2, hash);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no entry " + hash);
                return rs.getString(1);
            }
        }
    }

    private long scalar(String sql, String proposal) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(proposal));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
