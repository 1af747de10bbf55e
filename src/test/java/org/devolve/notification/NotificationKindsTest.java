package org.devolve.notification;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.ERIN;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.devolve.testing.ProposalFixture.declare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.devolve.testing.Outboxes;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: people hear of what concerns them, each notification a code with its parameters that the UI says in the
 * reader's language: a challenge (the declarant, to answer it; the facilitators, to rule on it), the ruling (the
 * declarant and the challenger), a delegation received (never for a secret proposal), a new argument (the author),
 * and voting closing within a day (everyone the proposal concerns, once).
 */
@QuarkusTest
class NotificationKindsTest {

    @Inject
    Notifier notifier;

    @Test
    void challengesAndRulingsReachTheirPeopleWithWhatTheUiNeedsToSayThem() {
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE, ERIN)
                .affecting("Tenants", 3)
                .inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        declare(DAVE, p, 0, 5);
        String daves = as(DAVE).get(at + "/stakes/mine").then().extract().path("id");
        String challenge = as(ERIN).body(Map.of("reason", "Dave is a tenant like the rest"))
                .post(at + "/stakes/" + daves + "/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Outboxes.drain();

        Map<String, Object> challenged = only(DAVE, p.id(), "STAKE_CHALLENGED");
        assertEquals(Map.of("title", title(p), "level", "5"), challenged.get("params"));
        Map<String, Object> toRule = only(CAROL, p.id(), "CHALLENGE_TO_RULE");
        assertEquals("5", ((Map<?, ?>) toRule.get("params")).get("level"));
        assertTrue(kinds(DAVE, p.id()).stream().noneMatch("CHALLENGE_TO_RULE"::equals), "not told to rule on himself");
        assertEquals(
                List.of("PROPOSAL_DELIBERATION"), kinds(ERIN, p.id()), "the challenger: not of their own challenge");

        as(CAROL)
                .body(Map.of("decision", "LOWER", "level", 2))
                .post(at + "/challenges/" + challenge + "/resolution")
                .then()
                .statusCode(200);
        Outboxes.drain();
        for (People.Person told : List.of(DAVE, ERIN)) {
            Map<String, Object> ruled = only(told, p.id(), "CHALLENGE_RESOLVED");
            assertEquals(Map.of("title", title(p), "ruling", "LOWERED", "level", "2"), ruled.get("params"));
        }
        assertTrue(kinds(CAROL, p.id()).stream().noneMatch("CHALLENGE_RESOLVED"::equals), "not of her own ruling");
    }

    @Test
    void theAuthorHearsOfArgumentsAndADelegateOfTrustExceptInSecretProposals() {
        String circle = aCircle("Trusting")
                .facilitatedBy(CAROL)
                .withMembers(BOB, DAVE, ERIN)
                .create();
        ProposalFixture.Made open = aProposal().by(BOB).inCircle(circle).inDeliberation();
        ProposalFixture.Made secret =
                aProposal().by(BOB).inCircle(circle).secret().inDeliberation();

        as(ERIN).body(Map.of("side", "AGAINST", "body", "Too costly"))
                .post("/api/v1/proposals/" + open.id() + "/arguments")
                .then()
                .statusCode(201);
        as(BOB).body(Map.of("side", "FOR", "body", "My own case"))
                .post("/api/v1/proposals/" + open.id() + "/arguments")
                .then()
                .statusCode(201);
        as(DAVE).body(Map.of("delegateId", idOf(ERIN)))
                .put("/api/v1/circles/" + circle + "/delegation")
                .then()
                .statusCode(200);
        as(DAVE).body(Map.of("delegateId", idOf(BOB)))
                .put("/api/v1/proposals/" + open.id() + "/delegation")
                .then()
                .statusCode(200);
        as(CAROL)
                .body(Map.of("delegateId", idOf(ERIN)))
                .put("/api/v1/proposals/" + secret.id() + "/delegation")
                .then()
                .statusCode(200);
        Outboxes.drain();

        Map<String, Object> argued = only(BOB, open.id(), "ARGUMENT_POSTED");
        assertEquals(
                Map.of("title", title(open), "author", ERIN.displayName(), "side", "AGAINST"), argued.get("params"));
        List<Map<String, Object>> erins = mine(ERIN).stream()
                .filter(n -> "DELEGATION_RECEIVED".equals(n.get("kind")))
                .toList();
        assertEquals(1, erins.size(), "the circle's delegation, not the secret proposal's: " + erins);
        assertEquals(DAVE.displayName(), ((Map<?, ?>) erins.get(0).get("params")).get("delegator"));
        assertTrue(((String) ((Map<?, ?>) erins.get(0).get("params")).get("circle")).startsWith("Trusting"));
        assertEquals(
                Map.of("delegator", DAVE.displayName(), "title", title(open)),
                only(BOB, open.id(), "DELEGATION_RECEIVED").get("params"));
        assertEquals(
                List.of("PROPOSAL_DELIBERATION"),
                kinds(ERIN, secret.id()),
                "nothing says who entrusted whom in a secret proposal");
    }

    @Test
    void everyoneConcernedHearsOnceThatVotingClosesWithinADay() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE)
                .with("deliberationEndsAt", now.plus(1, ChronoUnit.HOURS).toString())
                .with("votingEndsAt", now.plus(5, ChronoUnit.HOURS).toString())
                .inVotingWith(Map.of(DAVE, 2));
        ProposalFixture.Made later = aProposal()
                .by(BOB)
                .withMembers(DAVE)
                .with("deliberationEndsAt", now.plus(1, ChronoUnit.HOURS).toString())
                .with("votingEndsAt", now.plus(3, ChronoUnit.DAYS).toString())
                .inVotingWith(Map.of(DAVE, 2));
        notifier.announceClosingSoon();
        notifier.announceClosingSoon();
        Outboxes.drain();
        for (People.Person told : List.of(BOB, DAVE, CAROL)) {
            Map<String, Object> soon = only(told, p.id(), "VOTING_CLOSING_SOON");
            assertEquals(
                    Map.of(
                            "title",
                            title(p),
                            "endsAt",
                            now.plus(5, ChronoUnit.HOURS).toString()),
                    soon.get("params"));
        }
        assertTrue(kinds(DAVE, later.id()).stream().noneMatch("VOTING_CLOSING_SOON"::equals), "not three days ahead");
    }

    private static String title(ProposalFixture.Made p) {
        return as(BOB).get("/api/v1/proposals/" + p.id()).then().extract().path("title");
    }

    private static List<Map<String, Object>> mine(People.Person person) {
        return as(person)
                .queryParam("limit", 100)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static List<String> kinds(People.Person person, String proposal) {
        return mine(person).stream()
                .filter(n -> proposal.equals(n.get("proposalId")))
                .map(n -> (String) n.get("kind"))
                .toList();
    }

    private static Map<String, Object> only(People.Person person, String proposal, String kind) {
        List<Map<String, Object>> found = mine(person).stream()
                .filter(n -> proposal.equals(n.get("proposalId")) && kind.equals(n.get("kind")))
                .toList();
        assertEquals(1, found.size(), person.username() + " hears once of " + kind + ": " + mine(person));
        return found.get(0);
    }
}
