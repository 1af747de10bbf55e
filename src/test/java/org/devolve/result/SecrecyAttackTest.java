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
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.devolve.tally.io.LedgerReplay;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * The attacks of issue 9 on secret ballots and on a vote that is still open, each mounted against the running
 * service as a curious or hostile member would: if one works, its test fails. docs/threat-model.md says what each
 * protects.
 */
@QuarkusTest
class SecrecyAttackTest {

    @jakarta.inject.Inject
    Turnouts turnouts;

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** {@code n} new people, members of a new circle facilitated by Carol, who drafts the proposal. */
    private static List<People.Person> people(int n) {
        List<People.Person> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(People.someone("voter"));
        }
        return out;
    }

    private static ProposalFixture.Made secretVote(List<People.Person> voters, String weighting, int... levels) {
        Map<People.Person, Integer> stakes = new LinkedHashMap<>();
        for (int i = 0; i < voters.size(); i++) {
            stakes.put(voters.get(i), levels[i % levels.length]);
        }
        return aProposal()
                .by(CAROL)
                .facilitatedBy(CAROL)
                .withMembers(voters.toArray(People.Person[]::new))
                .secret()
                .with("weighting", Map.of("policy", weighting))
                .inVotingWith(stakes);
    }

    private static void vote(People.Person who, ProposalFixture.Made p, String stance) {
        as(who).body(Map.of("stance", stance))
                .put("/api/v1/proposals/" + p.id() + "/ballot")
                .then()
                .statusCode(201);
    }

    private static void close(ProposalFixture.Made p) {
        as(CAROL)
                .body(Map.of("phase", "CLOSED"))
                .post("/api/v1/proposals/" + p.id() + "/phase")
                .then()
                .statusCode(200);
    }

    /**
     * Issue 9: "the export lists declarations in member-id order, and the stake list gives every declarant's member
     * id: sorting one and pairing it with the other recovers every person's ballot". Two proposals in which the same
     * people cast the same ballots between them, but each person a different one, must publish exactly the same
     * rows: then nothing in the rows, nor in their order, can tell who cast which.
     */
    @Test
    void theExportsPairNoBallotWithItsVoter() {
        List<People.Person> voters = people(10);
        ProposalFixture.Made first = secretVote(voters, "EQUAL", 3);
        ProposalFixture.Made second = secretVote(voters, "EQUAL", 3);
        for (int i = 0; i < voters.size(); i++) {
            vote(voters.get(i), first, i < 4 ? "FOR" : "AGAINST");
            vote(voters.get(i), second, i >= 6 ? "FOR" : "AGAINST"); // the same four FOR, cast by four others
        }
        close(first);
        close(second);
        String a = as(voters.get(0))
                .get("/api/v1/proposals/" + first.id() + "/export.json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String b = as(voters.get(0))
                .get("/api/v1/proposals/" + second.id() + "/export.json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(rows(a), rows(b), "the same ballots between the same people publish the same rows");
        assertFalse(a.contains("\"voter\""), a);
        for (People.Person p : voters) {
            assertFalse(a.contains(idOf(p)), "no member id in the export");
        }
        String csvA = as(voters.get(0))
                .accept("text/csv")
                .get("/api/v1/proposals/" + first.id() + "/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String csvB = as(voters.get(0))
                .accept("text/csv")
                .get("/api/v1/proposals/" + second.id() + "/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                csvA.lines().skip(1).map(l -> l.replaceAll(UUID.pattern(), "G")).toList(),
                csvB.lines().skip(1).map(l -> l.replaceAll(UUID.pattern(), "G")).toList());
        csvA.lines().skip(1).forEach(line -> assertTrue(line.startsWith(",,"), "no voter and no name: " + line));
        // and the stake list, public as it must be, still names every declarant: the join has nothing to join to
        as(voters.get(0))
                .queryParam("limit", 100)
                .get("/api/v1/proposals/" + first.id() + "/stakes")
                .then()
                .body("items", hasSize(10));
    }

    /** The rows of a tally document, its groups' ids made alike (each proposal has its own group). */
    private static List<String> rows(String document) {
        String ballots = document.substring(document.indexOf("\"ballots\""));
        return ballots.lines().map(l -> l.replaceAll(UUID.pattern(), "G")).toList();
    }

    /**
     * Issue 9: "during VOTING, with live results off, GET /ledger shows each BALLOT_CAST's content". Now an entry
     * holds SHA-256(salt ‖ ballot) with a 256-bit salt: the three stances an APPROVE_REJECT ballot can be do not
     * find it, while the voter, who holds the salt, recomputes it from their own ballot.
     */
    @Test
    void theLedgerShowsNoBallotWhileVotingIsOpenAndItsCommitmentsCannotBeTried() {
        for (boolean secret : List.of(false, true)) {
            ProposalFixture fixture = aProposal().by(CAROL).facilitatedBy(CAROL).withMembers(BOB, DAVE);
            ProposalFixture.Made p = (secret ? fixture.secret() : fixture).inVotingWith(Map.of(BOB, 3, DAVE, 2));
            String at = "/api/v1/proposals/" + p.id();
            String receipt = as(BOB).body(Map.of("stance", "FOR"))
                    .put(at + "/ballot")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("receipt");
            as(DAVE).body(Map.of("stance", "FOR")).put(at + "/ballot").then().statusCode(201);
            as(DAVE).get(at + "/result").then().statusCode(409);
            as(DAVE).get(at + "/ballots").then().statusCode(secret ? 403 : 409);
            List<Map<String, Object>> entries = as(DAVE).queryParam("limit", 100)
                    .get(at + "/ledger")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items");
            List<String> commitments = new ArrayList<>();
            for (Map<String, Object> e : entries) {
                if (!"BALLOT_CAST".equals(e.get("kind"))) {
                    continue;
                }
                String body = (String) e.get("body");
                JsonPath entry = JsonPath.from(body);
                assertEquals(
                        Set.of("voter", "commitment"), entry.getMap("payload").keySet(), body);
                assertFalse(body.contains("FOR") || body.contains("AGAINST") || body.contains("stance"), body);
                String commitment = entry.getString("payload.commitment");
                commitments.add(commitment);
                for (String stance : List.of("FOR", "AGAINST", "ABSTAIN")) {
                    String ballot = "{\"choice\":\"" + stance + "\"}";
                    for (String guess : List.of(
                            "",
                            entry.getString("payload.voter"),
                            p.id(),
                            e.get("hash").toString())) {
                        assertNotEquals(LedgerReplay.sha256(guess + ballot), commitment, "tried " + stance);
                        assertNotEquals(LedgerReplay.sha256(ballot + guess), commitment, "tried " + stance);
                    }
                }
                if (secret) {
                    assertTrue(entry.getString("payload.voter").matches("p-[0-9a-f]{32}"), body);
                    assertFalse(UUID.matcher(body.replace(p.id(), "")).find(), "no member id: " + body);
                }
            }
            assertEquals(2, commitments.size());
            assertNotEquals(commitments.get(0), commitments.get(1), "the same ballot commits to different hashes");
            // the voter checks their own ballot against the entry their receipt names
            JsonPath mine =
                    as(BOB).get(at + "/ballot").then().statusCode(200).extract().jsonPath();
            String entry = entries.stream()
                    .filter(e -> receipt.equals(e.get("hash")))
                    .map(e -> (String) e.get("body"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    JsonPath.from(entry).getString("payload.commitment"),
                    LedgerReplay.sha256(mine.getString("salt") + mine.getString("committed")));
            as(DAVE).get(at + "/ledger/receipts/" + receipt)
                    .then()
                    .statusCode(200)
                    .body("intact", equalTo(true));
        }
    }

    /**
     * Issue 9: "one circle delegation writes a DELEGATION_SET into both ledgers within a millisecond: member ids in
     * one, pseudonyms in the other". A circle's delegations are the circle's; no ledger is written when they change.
     * A delegation for one secret proposal names neither the delegator's id nor the delegate in its entry.
     */
    @Test
    void delegationsLeaveNothingInALedgerThatJoinsWithAnotherOne() {
        String circle = aCircle("Two proposals")
                .facilitatedBy(CAROL)
                .withMembers(BOB, DAVE, ERIN)
                .create();
        ProposalFixture.Made open = aProposal().by(CAROL).inCircle(circle).inDeliberation();
        ProposalFixture.Made secret =
                aProposal().by(CAROL).inCircle(circle).secret().inDeliberation();
        long openSeq = seq(open);
        long secretSeq = seq(secret);
        as(DAVE).body(Map.of("delegateId", idOf(BOB)))
                .put("/api/v1/circles/" + circle + "/delegation")
                .then()
                .statusCode(200);
        as(DAVE).delete("/api/v1/circles/" + circle + "/delegation").then().statusCode(204);
        as(DAVE).body(Map.of("delegateId", idOf(ERIN)))
                .put("/api/v1/circles/" + circle + "/delegation")
                .then()
                .statusCode(200);
        assertEquals(openSeq, seq(open), "a circle delegation is not written into the proposals' ledgers");
        assertEquals(secretSeq, seq(secret));

        as(DAVE).body(Map.of("delegateId", idOf(BOB)))
                .put("/api/v1/proposals/" + secret.id() + "/delegation")
                .then()
                .statusCode(200);
        String body = as(CAROL)
                .queryParam("after", secretSeq)
                .get("/api/v1/proposals/" + secret.id() + "/ledger")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("DELEGATION_SET"))
                .body("items[0].actor", equalTo(null))
                .extract()
                .path("items[0].body");
        assertFalse(body.contains(idOf(DAVE)) || body.contains(idOf(BOB)), body);
        assertFalse(UUID.matcher(body.replace(secret.id(), "")).find(), "no member id: " + body);
        assertEquals(
                Set.of("delegator", "commitment", "scope"),
                JsonPath.from(body).getMap("payload").keySet());
        // the delegate's own view says nothing of it: who entrusts you in a secret proposal is theirs to keep
        String delegations = as(BOB).get("/api/v1/me/delegations")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(delegations.contains(secret.id()), delegations);
        assertFalse(delegations.contains("\"p-"), delegations);
    }

    private static long seq(ProposalFixture.Made p) {
        return as(CAROL)
                .get("/api/v1/proposals/" + p.id())
                .then()
                .extract()
                .jsonPath()
                .getLong("ledger.entries");
    }

    /**
     * Issue 9: "the fragility part of a secret result lists voter pseudonyms in stake order, which the public stake
     * list decodes". A published secret tally names nobody, in fragility neither.
     */
    @Test
    void aSecretResultsFragilityNamesNobody() {
        List<People.Person> voters = people(6);
        ProposalFixture.Made p = aProposal()
                .by(CAROL)
                .facilitatedBy(CAROL)
                .withMembers(voters.toArray(People.Person[]::new))
                .secret()
                .affecting("Tenants", 1)
                .inVotingWith(Map.of(
                        voters.get(0),
                        5,
                        voters.get(1),
                        5,
                        voters.get(2),
                        1,
                        voters.get(3),
                        1,
                        voters.get(4),
                        1,
                        voters.get(5),
                        1));
        vote(voters.get(0), p, "FOR");
        vote(voters.get(1), p, "FOR");
        for (int i = 2; i < 6; i++) {
            vote(voters.get(i), p, "AGAINST");
        }
        close(p);
        as(voters.get(2))
                .get("/api/v1/proposals/" + p.id() + "/result")
                .then()
                .statusCode(200)
                .body("tally.outcome", equalTo("ADOPTED"))
                .body("tally.fragility.flips", equalTo(true))
                .body("tally.fragility.voters", hasSize(0))
                .body("tally.anchored.changesOutcome", equalTo(true));
    }

    /**
     * Issue 9: "live turnout moves ballot by ballot, so each new ballot's weight, hence its stake level, can be read
     * off". A secret proposal's turnout moves only when k more people are counted.
     */
    @Test
    void aSecretProposalsTurnoutNeverIsolatesOneBallot() {
        List<People.Person> voters = people(12);
        ProposalFixture.Made p = secretVote(voters, "LINEAR", 1, 2, 3, 4, 5);
        String at = "/api/v1/proposals/" + p.id() + "/turnout";
        int publishedHeadcount = 0;
        String publishedWeight = "0.000000";
        for (int i = 0; i < voters.size(); i++) {
            vote(voters.get(i), p, i % 2 == 0 ? "FOR" : "AGAINST");
            turnouts.advance(); // what the scheduler does every two seconds
            JsonPath t =
                    as(voters.get(i)).get(at).then().statusCode(200).extract().jsonPath();
            int headcount = t.getInt("headcount");
            String weight = t.getString("weightCast");
            if (!weight.equals(publishedWeight) || headcount != publishedHeadcount) {
                assertTrue(
                        Math.abs(headcount - publishedHeadcount) >= 5,
                        "turnout moved from " + publishedHeadcount + " to " + headcount + " people after ballot "
                                + (i + 1));
                publishedHeadcount = headcount;
                publishedWeight = weight;
            }
            assertEquals(i + 1 >= 10 ? 10 : i + 1 >= 5 ? 5 : 0, headcount, "after ballot " + (i + 1));
        }
        close(p);
        as(voters.get(0)).get(at).then().body("headcount", equalTo(12)); // the result is public: so is its turnout
    }

    /**
     * Issue 9: "where the weighting makes a stake level a class smaller than k (one person declared 5 under
     * LINEAR), say so to everyone before voting opens, and have the result say plainly what its totals reveal".
     */
    @Test
    void whatTheWeightingSinglesOutIsSaidBeforeVotingAndInTheResult() {
        List<People.Person> voters = people(7);
        for (String weighting : List.of("LINEAR", "EQUAL")) {
            ProposalFixture.Made p = aProposal()
                    .by(CAROL)
                    .facilitatedBy(CAROL)
                    .withMembers(voters.toArray(People.Person[]::new))
                    .secret()
                    .with("weighting", Map.of("policy", weighting))
                    .inDeliberation();
            for (int i = 0; i < voters.size(); i++) {
                ProposalFixture.declare(voters.get(i), p, 0, i == 0 ? 5 : 2);
            }
            JsonPath detail = as(voters.get(3))
                    .get("/api/v1/proposals/" + p.id())
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(5, detail.getInt("secrecy.minCellVoters"));
            if (weighting.equals("LINEAR")) {
                assertEquals(List.of("5.000000"), detail.getList("secrecy.smallClasses.weight"), detail.prettify());
                assertEquals(List.of(1), detail.getList("secrecy.smallClasses.declarations"));
                assertEquals(true, detail.getBoolean("secrecy.weightShowsLevel"));
            } else {
                assertEquals(List.of(), detail.getList("secrecy.smallClasses"), "under EQUAL nobody is singled out");
            }
            as(CAROL)
                    .body(Map.of("phase", "VOTING"))
                    .post("/api/v1/proposals/" + p.id() + "/phase")
                    .then()
                    .statusCode(200);
            for (People.Person v : voters) {
                vote(v, p, "FOR");
            }
            close(p);
            JsonPath result = as(voters.get(1))
                    .get("/api/v1/proposals/" + p.id() + "/result")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(
                    weighting.equals("LINEAR") ? 1 : 0,
                    result.getList("tally.secrecy.smallClasses").size());
            assertTrue(
                    result.getList("tally.secrecy.unanimous.key").contains("all"),
                    "everyone voted FOR: the result says so, since the totals show it");
        }
    }

    @Test
    void aSecretProposalCannotShowLiveResults() {
        as(CAROL)
                .body(aProposal().by(CAROL).secret().with("liveResults", true).content())
                .post("/api/v1/circles/" + aCircle("Live").facilitatedBy(CAROL).create() + "/proposals")
                .then()
                .statusCode(400)
                .body("errors.code", org.hamcrest.Matchers.hasItem("NOT_WITH_SECRET"));
    }
}
