package org.devolve.proposal;

import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * Once deliberation opens, the author and the facilitators may still correct a typo — the title, summary, body and
 * option labels — with a note, kept in a visible edit history and in the ledger, which still verifies and recounts;
 * what the vote is about (the method, the options' number, the rules) stays frozen.
 */
@QuarkusTest
class CorrectionTest {

    @Test
    void theAuthorCorrectsATypoAndEveryoneSeesTheHistory() {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        String title = as(BOB).get(at).then().extract().path("title");
        as(BOB).body(Map.of("summary", "What we decied", "note", "first try"))
                .post(at + "/corrections")
                .then()
                .statusCode(200);
        as(BOB).body(Map.of("title", title + " (garden)", "summary", "What we decide together", "note", "typo"))
                .post(at + "/corrections")
                .then()
                .statusCode(200)
                .body("title", equalTo(title + " (garden)"))
                .body("summary", equalTo("What we decide together"))
                .body("revisions", equalTo(2));
        as(DAVE).get(at).then().body("title", equalTo(title + " (garden)")).body("my.canCorrect", equalTo(false));
        as(BOB).get(at).then().body("my.canCorrect", equalTo(true));
        as(DAVE).get(at + "/revisions")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].revision", equalTo(2))
                .body("items[0].note", equalTo("typo"))
                .body("items[0].editor.displayName", equalTo(BOB.displayName()))
                .body("items[0].changes.field", contains("title", "summary"))
                .body("items[0].changes[0].before", equalTo(title))
                .body("items[0].changes[0].after", equalTo(title + " (garden)"))
                .body("items[0].changes[1].before", equalTo("What we decied"))
                .body("items[1].changes[0].before", equalTo("What we decide"));
        as(DAVE).get(at + "/revisions?limit=1").then().body("items", hasSize(1)).body("items[0].revision", equalTo(2));
        as(DAVE).get(at + "/ledger?limit=100").then().body("items.kind", hasItem("PROPOSAL_CORRECTED"));
        as(DAVE).get(at + "/ledger/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aMemberWhoNeitherWroteNorFacilitatesCannotCorrect() {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).inDeliberation();
        as(DAVE).body(Map.of("title", "Mine now", "note", "hijack"))
                .post("/api/v1/proposals/" + p.id() + "/corrections")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(DAVE).get("/api/v1/proposals/" + p.id() + "/revisions").then().body("items", hasSize(0));
    }

    @Test
    void theMethodAndTheNumberOfOptionsStayFrozen() {
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .choosingBetween("SINGLE_CHOICE", "Garden", "Car park")
                .inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        Map<String, Object> body = new HashMap<>();
        body.put("method", "APPROVAL");
        body.put("options", List.of("Garden", "Car park", "Bike shed"));
        body.put("note", "more choice");
        as(BOB).body(body)
                .post(at + "/corrections")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("method", "options"))
                .body("errors.code", contains("FROZEN", "FROZEN"));
        as(BOB).body(Map.of("weighting", Map.of("policy", "EQUAL"), "note", "fairer"))
                .post(at + "/corrections")
                .then()
                .statusCode(400)
                .body("errors.field", contains("weighting"));
        as(BOB).body(Map.of("title", "Forgot the note"))
                .post(at + "/corrections")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("note"));
        as(BOB).get(at)
                .then()
                .body("method", equalTo("SINGLE_CHOICE"))
                .body("options.label", contains("Garden", "Car park"))
                .body("revisions", equalTo(0));
    }

    @Test
    void anOptionReworderDuringVotingIsCountedAndRecountedUnderItsNewLabel() {
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE)
                .choosingBetween("SINGLE_CHOICE", "Gardn", "Car park")
                .inVotingWith(Map.of(BOB, 3, DAVE, 2));
        String at = "/api/v1/proposals/" + p.id();
        as(BOB).body(Map.of("choice", 0)).put(at + "/ballot").then().statusCode(201);
        as(CAROL)
                .body(Map.of("options", List.of("Garden", "Car park"), "note", "typo in the first option"))
                .post(at + "/corrections")
                .then()
                .statusCode(200)
                .body("options.label", contains("Garden", "Car park"));
        as(DAVE).body(Map.of("choice", 0)).put(at + "/ballot").then().statusCode(201);
        as(CAROL).body(Map.of("phase", "CLOSED")).post(at + "/phase").then().statusCode(200);
        as(DAVE).get(at).then().body("winner.label", equalTo("Garden"));
        as(DAVE).get(at + "/revisions")
                .then()
                .body("items[0].editor.displayName", equalTo(CAROL.displayName()))
                .body("items[0].changes[0].field", equalTo("options[0]"))
                .body("items[0].changes[0].before", equalTo("Gardn"));
        as(DAVE).get(at + "/ledger/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("recounted", equalTo(true));
        as(BOB).body(Map.of("title", "Too late", "note", "after the close"))
                .post(at + "/corrections")
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_PHASE"));
    }

    @Test
    void aSecretProposalCorrectedDuringVotingStillRecounts() {
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE)
                .choosingBetween("APPROVAL", "Tool libary", "Repair café")
                .secret()
                .inVotingWith(Map.of(BOB, 3, DAVE, 2));
        String at = "/api/v1/proposals/" + p.id();
        as(DAVE).body(Map.of("approvals", List.of(0)))
                .put(at + "/ballot")
                .then()
                .statusCode(201);
        as(BOB).body(Map.of("options", List.of("Tool library", "Repair café"), "note", "typo"))
                .post(at + "/corrections")
                .then()
                .statusCode(200);
        as(BOB).body(Map.of("approvals", List.of(0, 1)))
                .put(at + "/ballot")
                .then()
                .statusCode(201);
        as(CAROL).body(Map.of("phase", "CLOSED")).post(at + "/phase").then().statusCode(200);
        as(DAVE).get(at).then().body("winner.label", equalTo("Tool library"));
        as(DAVE).get(at + "/ledger/verify").then().body("valid", equalTo(true)).body("recounted", equalTo(true));
    }

    @Test
    void aWithdrawnProposalIsNotCorrected() {
        ProposalFixture.Made p = aProposal().by(BOB).inDeliberation();
        String at = "/api/v1/proposals/" + p.id();
        as(BOB).body(Map.of("phase", "WITHDRAWN")).post(at + "/phase").then().statusCode(200);
        as(BOB).body(Map.of("title", "Typo", "note", "typo"))
                .post(at + "/corrections")
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_PHASE"));
    }
}
