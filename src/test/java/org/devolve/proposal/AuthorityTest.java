package org.devolve.proposal;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.ERIN;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.devolve.testing.ProposalFixture.declare;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * Who steers a proposal, as DESIGN says: early moves to voting and to the close are a facilitator's of the
 * deciding circle; the author opens deliberation and withdraws while a member of that circle; once the draft is
 * open, deadlines and groups are the facilitators'. A facilitator never rules on a challenge to their own
 * declaration. Each test mounts the attack first, then checks what the people concerned see.
 */
@QuarkusTest
class AuthorityTest {

    @Test
    void anAuthorWhoIsAPlainMemberCannotOpenVotingVoteAloneAndCloseAsAdopted() {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        declare(BOB, p, 0, 3);
        as(BOB).body(Map.of("phase", "VOTING"))
                .post(at + "/phase")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FACILITATORS_ONLY"));
        as(BOB).get(at)
                .then()
                .body("phase", equalTo("DELIBERATION"))
                .body("my.phasesAllowed", contains("WITHDRAWN"))
                .body("my.canSteer", equalTo(true));
        as(CAROL).get(at).then().body("my.phasesAllowed", contains("VOTING", "WITHDRAWN"));

        as(CAROL).body(Map.of("phase", "VOTING")).post(at + "/phase").then().statusCode(200);
        as(BOB).body(Map.of("stance", "FOR")).put(at + "/ballot").then().statusCode(201);
        as(BOB).body(Map.of("phase", "CLOSED"))
                .post(at + "/phase")
                .then()
                .statusCode(403)
                .body("code", equalTo("FACILITATORS_ONLY"));
        as(DAVE).get(at).then().body("phase", equalTo("VOTING")).body("outcome", equalTo(null));
        as(BOB).get(at + "/ledger?limit=100")
                .then()
                .body("items.findAll { it.kind == 'PHASE_CHANGED' && it.body.contains('\"to\":\"CLOSED\"') }", empty());
        as(CAROL)
                .body(Map.of("phase", "CLOSED"))
                .post(at + "/phase")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ADOPTED"));
    }

    @Test
    void anAuthorRemovedFromTheCircleCanNoLongerEditOpenOrWithdraw() {
        String circle =
                aCircle("Leavers").facilitatedBy(CAROL).withMembers(BOB, DAVE).create();
        ProposalFixture.Made draft = aProposal().by(BOB).inCircle(circle).draft();
        ProposalFixture.Made open = aProposal().by(BOB).inCircle(circle).inDeliberation();
        as(ALICE)
                .delete("/api/v1/circles/" + circle + "/members/" + idOf(BOB))
                .then()
                .statusCode(204);

        String draftAt = "/api/v1/proposals/" + draft.id();
        as(BOB).body(aProposal().content())
                .put(draftAt)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("NO_LONGER_A_MEMBER"));
        as(BOB).body(Map.of("votingEndsAt", "2031-01-01T00:00:00Z"))
                .put(draftAt + "/deadlines")
                .then()
                .statusCode(403)
                .body("code", equalTo("NO_LONGER_A_MEMBER"));
        as(BOB).body(Map.of("name", "Friends of Bob", "suggestedLevel", 5))
                .post(draftAt + "/groups")
                .then()
                .statusCode(403)
                .body("code", equalTo("NO_LONGER_A_MEMBER"));
        as(BOB).body(Map.of("phase", "DELIBERATION"))
                .post(draftAt + "/phase")
                .then()
                .statusCode(403)
                .body("code", equalTo("NO_LONGER_A_MEMBER"));
        as(BOB).get(draftAt)
                .then()
                .statusCode(200)
                .body("phase", equalTo("DRAFT")) // still their words to read
                .body("my.canSteer", equalTo(false))
                .body("my.canEdit", equalTo(false))
                .body("my.phasesAllowed", empty());

        String openAt = "/api/v1/proposals/" + open.id();
        as(BOB).body(Map.of("phase", "WITHDRAWN"))
                .post(openAt + "/phase")
                .then()
                .statusCode(403)
                .body("code", equalTo("NO_LONGER_A_MEMBER"));
        as(BOB).body(Map.of("groupId", open.group(0), "level", 2))
                .put(openAt + "/stakes/mine")
                .then()
                .statusCode(403)
                .body("code", equalTo("NOT_A_PARTICIPANT"));
        as(DAVE).get(openAt).then().body("phase", equalTo("DELIBERATION"));
        as(CAROL)
                .body(Map.of("phase", "WITHDRAWN"))
                .post(openAt + "/phase")
                .then()
                .statusCode(200);

        // Back in the circle, the author's powers are back.
        as(ALICE)
                .body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + circle + "/members/" + idOf(BOB))
                .then()
                .statusCode(201);
        as(BOB).body(Map.of("phase", "DELIBERATION"))
                .post(draftAt + "/phase")
                .then()
                .statusCode(200);
    }

    @Test
    void onceOpenDeadlinesAndGroupsAreTheFacilitatorsAlone() {
        Instant far = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).draft();
        String at = "/api/v1/proposals/" + p.id();
        as(BOB).get(at)
                .then()
                .body("my.canEdit", equalTo(true))
                .body("my.canChangeDeadlines", equalTo(true))
                .body("my.canAddGroups", equalTo(true))
                .body("my.phasesAllowed", contains("DELIBERATION", "WITHDRAWN"));
        as(BOB).body(Map.of("votingEndsAt", far.toString()))
                .put(at + "/deadlines")
                .then()
                .statusCode(200);
        as(BOB).body(Map.of("name", "Tenants of C", "suggestedLevel", 3))
                .post(at + "/groups")
                .then()
                .statusCode(201);
        as(BOB).body(Map.of("phase", "DELIBERATION")).post(at + "/phase").then().statusCode(200);

        // The author would like a longer vote, and a group of friends with a high suggested level.
        as(BOB).body(Map.of("votingEndsAt", far.plus(300, ChronoUnit.DAYS).toString()))
                .put(at + "/deadlines")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FACILITATORS_ONLY"));
        as(BOB).body(Map.of("name", "Friends of Bob", "suggestedLevel", 5))
                .post(at + "/groups")
                .then()
                .statusCode(403)
                .body("code", equalTo("FACILITATORS_ONLY"));
        as(BOB).get(at)
                .then()
                .body("votingEndsAt", equalTo(far.toString()))
                .body("affectedGroups.name", not(hasItem("Friends of Bob")))
                .body("my.canChangeDeadlines", equalTo(false))
                .body("my.canAddGroups", equalTo(false));

        as(CAROL).get(at).then().body("my.canChangeDeadlines", equalTo(true)).body("my.canAddGroups", equalTo(true));
        as(CAROL)
                .body(Map.of("votingEndsAt", far.plus(1, ChronoUnit.DAYS).toString()))
                .put(at + "/deadlines")
                .then()
                .statusCode(200);
        as(CAROL)
                .body(Map.of("name", "Neighbours", "suggestedLevel", 1))
                .post(at + "/groups")
                .then()
                .statusCode(201);
        as(DAVE).body(Map.of("votingEndsAt", far.toString()))
                .put(at + "/deadlines")
                .then()
                .statusCode(403);
    }

    @Test
    void aFacilitatorNeverRulesOnAChallengeToTheirOwnDeclarationNorThroughDismissingThemAll() {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE, ERIN).inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        declare(CAROL, p, 0, 5);
        declare(BOB, p, 0, 5);
        String carols = as(CAROL).get(at + "/stakes/mine").then().extract().path("id");
        String bobs = as(BOB).get(at + "/stakes/mine").then().extract().path("id");
        String onCarol = as(DAVE).body(Map.of("reason", "Carol lives across town"))
                .post(at + "/stakes/" + carols + "/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(DAVE).body(Map.of("reason", "Bob too"))
                .post(at + "/stakes/" + bobs + "/challenges")
                .then()
                .statusCode(201);

        as(CAROL)
                .body(Map.of("decision", "UPHOLD"))
                .post(at + "/challenges/" + onCarol + "/resolution")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("OWN_DECLARATION_RULING"));
        as(CAROL)
                .body(Map.of("reason", "Both declared in good faith"))
                .post(at + "/challenges/resolution")
                .then()
                .statusCode(200)
                .body("resolved", equalTo(1))
                .body("leftOpen", equalTo(1));
        as(CAROL).get(at + "/challenges?status=OPEN").then().body("items.id", contains(onCarol));
        as(CAROL)
                .body(Map.of("phase", "VOTING"))
                .post(at + "/phase")
                .then()
                .statusCode(409)
                .body("code", equalTo("OPEN_CHALLENGES"))
                .body("openChallenges", equalTo(1));
        as(CAROL).get(at + "/stakes/mine").then().body("level", equalTo(5));

        // Another facilitator, or an admin, rules on it.
        as(ALICE)
                .body(Map.of("decision", "LOWER", "level", 2))
                .post(at + "/challenges/" + onCarol + "/resolution")
                .then()
                .statusCode(200)
                .body("resolvedBy.username", equalTo("alice"));
        as(CAROL).body(Map.of("phase", "VOTING")).post(at + "/phase").then().statusCode(200);
        as(DAVE).get(at + "/stakes").then().body("items.find { it.member.username == 'carol' }.level", equalTo(2));
    }
}
