package org.devolve.home;

import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.ERIN;
import static org.devolve.testing.People.anonymous;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.devolve.testing.ProposalFixture.declare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the home page says what needs my action, and each item goes away once it is done: a stake to declare,
 * a vote to cast (not when I entrusted it), a challenge to answer, a challenge to rule on.
 */
@QuarkusTest
class ActionsTest {

    @Test
    void aDeclarationToMakeGoesAwayOnceDeclaredAndAChallengeOnceAnsweredAndRuledOn() {
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE, ERIN)
                .with("deliberationEndsAt", in(2).toString())
                .with("votingEndsAt", in(5).toString())
                .inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        String endsAt = as(BOB).get(at).then().extract().path("deliberationEndsAt");

        Map<String, Object> daves = only(DAVE, p.id(), "DECLARE");
        assertEquals(Instant.parse(endsAt), Instant.parse((String) daves.get("dueAt")), "declare by the end");
        assertEquals(as(BOB).get(at).then().extract().path("title"), daves.get("title"));
        only(BOB, p.id(), "DECLARE"); // the author too: not declaring costs him his vote
        declare(DAVE, p, 0, 5);
        assertEquals(List.of(), kinds(DAVE, p.id()), "declared: nothing left to do");

        String stake = as(DAVE).get(at + "/stakes/mine").then().extract().path("id");
        String challenge = as(ERIN).body(Map.of("reason", "Dave is a tenant like the rest"))
                .post(at + "/stakes/" + stake + "/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(challenge, only(DAVE, p.id(), "ANSWER").get("challengeId"));
        assertEquals(challenge, only(CAROL, p.id(), "RULE").get("challengeId"));
        assertTrue(kinds(DAVE, p.id()).stream().noneMatch("RULE"::equals));
        assertTrue(kinds(ERIN, p.id()).stream().noneMatch(k -> k.equals("RULE") || k.equals("ANSWER")));

        as(DAVE).body(Map.of("answer", "I live on the ground floor, by the car park"))
                .post(at + "/challenges/" + challenge + "/answer")
                .then()
                .statusCode(200);
        assertEquals(List.of(), kinds(DAVE, p.id()), "answered");
        only(CAROL, p.id(), "RULE");
        as(CAROL)
                .body(Map.of("decision", "UPHOLD"))
                .post(at + "/challenges/" + challenge + "/resolution")
                .then()
                .statusCode(200);
        assertTrue(kinds(CAROL, p.id()).stream().noneMatch("RULE"::equals), "ruled");
    }

    @Test
    void aVoteToCastGoesAwayOnceCastOrEntrusted() {
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE, ERIN)
                .with("deliberationEndsAt", in(2).toString())
                .with("votingEndsAt", in(5).toString())
                .inVotingWith(Map.of(DAVE, 2, ERIN, 3));
        String at = "/api/v1/proposals/" + p.id();
        String endsAt = as(BOB).get(at).then().extract().path("votingEndsAt");

        Map<String, Object> daves = only(DAVE, p.id(), "VOTE");
        assertEquals(Instant.parse(endsAt), Instant.parse((String) daves.get("dueAt")), "vote by the end");
        only(ERIN, p.id(), "VOTE");
        assertEquals(List.of(), kinds(BOB, p.id()), "no stake, no vote: nothing to do in voting");

        as(DAVE).body(Map.of("stance", "FOR")).put(at + "/ballot").then().statusCode(201);
        assertEquals(List.of(), kinds(DAVE, p.id()), "voted");

        as(ERIN).body(Map.of("delegateId", idOf(DAVE)))
                .put(at + "/delegation")
                .then()
                .statusCode(200);
        assertEquals(List.of(), kinds(ERIN, p.id()), "entrusted");
    }

    @Test
    void theListIsBoundedAndSoonestFirst() {
        Map<String, Object> body = as(DAVE).get("/api/v1/me/actions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        List<Map<String, Object>> items = items(DAVE);
        assertTrue(items.size() <= 50, "at most 50: " + items.size());
        List<Instant> due = items.stream()
                .map(a -> (String) a.get("dueAt"))
                .map(d -> d == null ? Instant.MAX : Instant.parse(d))
                .toList();
        assertEquals(due.stream().sorted().toList(), due, "soonest first, those without a deadline last");
        assertTrue(body.containsKey("truncated"));
        anonymous().get("/api/v1/me/actions").then().statusCode(401);
    }

    private static Instant in(int hours) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(hours, ChronoUnit.HOURS);
    }

    private static List<Map<String, Object>> items(People.Person person) {
        return as(person)
                .get("/api/v1/me/actions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static List<String> kinds(People.Person person, String proposal) {
        return items(person).stream()
                .filter(a -> proposal.equals(a.get("proposalId")))
                .map(a -> (String) a.get("kind"))
                .toList();
    }

    private static Map<String, Object> only(People.Person person, String proposal, String kind) {
        List<Map<String, Object>> found = items(person).stream()
                .filter(a -> proposal.equals(a.get("proposalId")) && kind.equals(a.get("kind")))
                .toList();
        assertEquals(1, found.size(), person.username() + " has to " + kind + " once: " + items(person));
        return found.get(0);
    }
}
