package org.devolve.ledger;

import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.ERIN;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.tally.Tally;
import org.devolve.tally.io.LedgerBundle;
import org.devolve.tally.io.LedgerReplay;
import org.devolve.tally.io.ResultJson;
import org.devolve.tally.io.TallyDocument;
import org.devolve.tally.recount.Main;
import org.devolve.testing.CircleFixture;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ledger is the election: for every method, public and secret, a recount from the ledger export alone gives the
 * stored result byte for byte, with the same code as {@code java -jar devolve-recount.jar --ledger}; and someone
 * with database access who changes a ballot, a declaration or the stored result — even consistently, in every table
 * at once — is caught by verify.
 */
@QuarkusTest
class LedgerRecountTest {

    @Inject
    AgroalDataSource db;

    record Case(
            String method,
            boolean secret,
            Map<String, Object> bob,
            Map<String, Object> carol,
            Map<String, Object> dave) {
        @Override
        public String toString() {
            return method + (secret ? " (secret)" : "");
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (boolean secret : List.of(false, true)) {
            out.add(new Case("SINGLE_CHOICE", secret, Map.of("choice", 0), Map.of("choice", 1), Map.of("choice", 0)));
            out.add(new Case(
                    "APPROVAL",
                    secret,
                    Map.of("approvals", List.of(0, 1)),
                    Map.of("approvals", List.of(1)),
                    Map.of("approvals", List.of())));
            out.add(new Case(
                    "SCORE",
                    secret,
                    Map.of("scores", List.of(5, 0, 1)),
                    Map.of("scores", List.of(0, 5, 5)),
                    Map.of("scores", List.of(3, 3, 3))));
            out.add(new Case(
                    "SPLIT",
                    secret,
                    Map.of("allocation", Map.of("0", 2, "1", 1)),
                    Map.of("allocation", Map.of("2", 7)),
                    Map.of("allocation", Map.of("0", 1))));
            out.add(new Case(
                    "QUADRATIC",
                    secret,
                    Map.of("allocation", Map.of("0", 1, "1", 1)),
                    Map.of("allocation", Map.of("1", 4)),
                    Map.of("allocation", Map.of("0", 9))));
            out.add(new Case(
                    "RANKED_IRV",
                    secret,
                    Map.of("ranking", List.of(0, 1, 2)),
                    Map.of("ranking", List.of(1, 0)),
                    Map.of("ranking", List.of(2))));
            out.add(new Case(
                    "RANKED_SCHULZE",
                    secret,
                    Map.of("ranking", List.of(0, 1, 2)),
                    Map.of("ranking", List.of(1, 2, 0)),
                    Map.of("ranking", List.of(2, 0, 1))));
            out.add(new Case(
                    "COPELAND",
                    secret,
                    Map.of("ranking", List.of(0, 1, 2)),
                    Map.of("ranking", List.of(1, 2, 0)),
                    Map.of("ranking", List.of(2, 0, 1))));
            out.add(new Case(
                    "APPROVE_REJECT",
                    secret,
                    Map.of("stance", "FOR"),
                    Map.of("stance", "AGAINST"),
                    Map.of("stance", "ABSTAIN")));
        }
        return out;
    }

    /** A closed proposal of the case: Bob 3, Carol 2, Dave 1 vote; Erin (2) delegates to Bob for this proposal. */
    private static ProposalFixture.Made closed(Case c) {
        ProposalFixture fixture = aProposal().by(BOB).withMembers(DAVE, ERIN);
        if (!c.method().equals("APPROVE_REJECT")) {
            fixture.choosingBetween(c.method(), "A", "B", "C");
        }
        if (c.secret()) {
            fixture.secret();
        }
        ProposalFixture.Made p = fixture.inVotingWith(Map.of(BOB, 3, CAROL, 2, DAVE, 1, ERIN, 2));
        String at = "/api/v1/proposals/" + p.id();
        as(ERIN).body(Map.of("delegateId", CircleFixture.idOf(BOB)))
                .put(at + "/delegation")
                .then()
                .statusCode(200);
        as(BOB).body(c.bob()).put(at + "/ballot").then().statusCode(201);
        as(CAROL).body(c.carol()).put(at + "/ballot").then().statusCode(201);
        as(DAVE).body(c.dave()).put(at + "/ballot").then().statusCode(201);
        as(DAVE).body(c.carol()).put(at + "/ballot").then().statusCode(201); // Dave changes his mind
        as(CAROL).body(Map.of("phase", "CLOSED")).post(at + "/phase").then().statusCode(200);
        return p;
    }

    private static byte[] ledger(ProposalFixture.Made p) {
        return as(DAVE).get("/api/v1/proposals/" + p.id() + "/ledger/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theLedgerAloneRecountsToThePublishedResultByteForByte(Case c, @TempDir Path dir) throws Exception {
        ProposalFixture.Made p = closed(c);
        String at = "/api/v1/proposals/" + p.id();
        String resultSha =
                as(DAVE).get(at + "/result").then().statusCode(200).extract().path("resultSha256");
        byte[] ledger = ledger(p);
        LedgerReplay.Outcome outcome = LedgerBundle.check(LedgerBundle.read(new ByteArrayInputStream(ledger)));
        assertTrue(outcome.valid(), outcome.problem());
        assertTrue(outcome.recounted());
        assertEquals(resultSha, LedgerReplay.sha256(outcome.resultJson()), "byte for byte the result the close wrote");
        // the command anyone runs
        Path file = dir.resolve("ledger.json");
        Files.write(file, ledger);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                new String[] {"--ledger", file.toString()},
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(resultSha, LedgerReplay.sha256(out.toString(StandardCharsets.UTF_8)));
        as(DAVE).get(at + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("recounted", equalTo(true));
        if (c.secret()) {
            String text = new String(ledger, StandardCharsets.UTF_8);
            assertFalse(text.contains("\"salt\""), "a secret proposal's salts are never revealed");
        }
    }

    @Test
    void aBallotChangedInTheDatabaseAfterTheCloseIsCaught() throws Exception {
        for (boolean secret : List.of(false, true)) {
            ProposalFixture.Made p = closed(new Case(
                    "APPROVE_REJECT",
                    secret,
                    Map.of("stance", "FOR"),
                    Map.of("stance", "AGAINST"),
                    Map.of("stance", "ABSTAIN")));
            // Carol's AGAINST becomes FOR, in the ballot row and in the stake's copy that counting reads
            sql("update ballot set stance = 0 where proposal_id = ? and current and stance = 1", p.id());
            sql("update stake set ballot = '{0}' where proposal_id = ? and ballot = '{1}'", p.id());
            as(DAVE).get("/api/v1/proposals/" + p.id() + "/ledger/verify")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("problem", startsWith("Close:"));
        }
    }

    @Test
    void aBallotChangedDuringVotingIsCaught() throws Exception {
        for (boolean secret : List.of(false, true)) {
            ProposalFixture fixture = aProposal().by(BOB).withMembers(DAVE);
            ProposalFixture.Made p = (secret ? fixture.secret() : fixture).inVotingWith(Map.of(BOB, 3, DAVE, 2));
            String at = "/api/v1/proposals/" + p.id();
            as(BOB).body(Map.of("stance", "FOR")).put(at + "/ballot").then().statusCode(201);
            as(DAVE).body(Map.of("stance", "AGAINST"))
                    .put(at + "/ballot")
                    .then()
                    .statusCode(201);
            as(BOB).get(at + "/ledger/verify").then().body("valid", equalTo(true));
            sql("update ballot set stance = 0 where proposal_id = ? and current and stance = 1", p.id());
            as(BOB).get(at + "/ledger/verify")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("problem", startsWith("Tables: the ballot with receipt"));
        }
    }

    @Test
    void aDeclarationChangedInTheDatabaseIsCaught() throws Exception {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).inVotingWith(Map.of(BOB, 3, DAVE, 2));
        sql("update stake set level = 5, declared_level = 5 where proposal_id = ? and level = 2", p.id());
        as(BOB).get("/api/v1/proposals/" + p.id() + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("problem", startsWith("Tables: the declaration of member"));
    }

    @Test
    void theStoredResultChangedInTheDatabaseIsCaught() throws Exception {
        ProposalFixture.Made p = closed(new Case(
                "APPROVE_REJECT",
                false,
                Map.of("stance", "FOR"),
                Map.of("stance", "AGAINST"),
                Map.of("stance", "ABSTAIN")));
        sql(
                "update proposal_result set result_json = replace(result_json, '\"outcome\": \"ADOPTED\"', "
                        + "'\"outcome\": \"REJECTED\"') where proposal_id = ?",
                p.id());
        as(DAVE).get("/api/v1/proposals/" + p.id() + "/result").then().body("tally.outcome", equalTo("REJECTED"));
        as(DAVE).get("/api/v1/proposals/" + p.id() + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("problem", startsWith("Tables: the stored result"));
    }

    /**
     * The attack issue 9 names: a consistent rewrite of the tables by someone with database access. After the close
     * they turn Carol's AGAINST into FOR everywhere the tables hold it — the ballot row, the stake's copy that
     * counting reads, and the stored result, recounted to match. Every table then agrees with every other; the
     * ledger does not: its close holds the SHA-256 of the document the close published, and Carol's entry the
     * commitment to AGAINST, which she can recompute herself from her salt.
     */
    @Test
    void aConsistentRewriteOfEveryTableIsStillCaught() throws Exception {
        ProposalFixture.Made p = closed(new Case(
                "APPROVE_REJECT",
                false,
                Map.of("stance", "FOR"),
                Map.of("stance", "AGAINST"),
                Map.of("stance", "ABSTAIN")));
        String at = "/api/v1/proposals/" + p.id();
        sql("update ballot set stance = 0 where proposal_id = ? and current and stance = 1", p.id());
        sql("update stake set ballot = '{0}' where proposal_id = ? and ballot = '{1}'", p.id());
        String forged = as(DAVE).get(at + "/export.json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String recounted = ResultJson.write(Tally.count(TallyDocument.fromJson(forged)));
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update proposal_result set result_json = ?, result_sha256 = ?, outcome = 'ADOPTED' where proposal_id = ?")) {
            s.setString(1, recounted);
            s.setString(2, LedgerReplay.sha256(recounted));
            s.setObject(3, UUID.fromString(p.id()));
            assertEquals(1, s.executeUpdate());
        }
        as(DAVE).get(at + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("problem", equalTo("Close: the tally document is not the one the close published"));
        // and Carol, who holds her salt, sees that the ballot shown as hers is not the one her entry commits to
        io.restassured.path.json.JsonPath mine =
                as(CAROL).get(at + "/ballot").then().statusCode(200).extract().jsonPath();
        String body = as(DAVE).queryParam("limit", 100)
                .get(at + "/ledger")
                .then()
                .extract()
                .jsonPath()
                .getList("items.findAll { it.hash == '" + mine.getString("receipt") + "' }.body", String.class)
                .get(0);
        assertFalse(body.contains(LedgerReplay.sha256(mine.getString("salt") + mine.getString("committed"))));
        assertTrue(body.contains(LedgerReplay.commitment(mine.getString("salt"), "{\"choice\":\"AGAINST\"}")));
    }

    /** An edit by someone with database access, with the append-only trigger off for their session. */
    private void sql(String statement, String proposal) throws Exception {
        try (Connection c = db.getConnection()) {
            try (Statement off = c.createStatement()) {
                off.execute("set session_replication_role = replica");
            }
            try (PreparedStatement s = c.prepareStatement(statement)) {
                s.setObject(1, UUID.fromString(proposal));
                assertTrue(s.executeUpdate() > 0, statement);
            } finally {
                try (Statement on = c.createStatement()) {
                    on.execute("set session_replication_role = origin");
                }
            }
        }
    }
}
