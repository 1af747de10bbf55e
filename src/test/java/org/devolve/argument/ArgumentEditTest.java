package org.devolve.argument;

import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * An argument's author may edit it (readers see it was edited, and what it said before) or remove it (it stays in
 * its place as removed, its text gone), while the proposal is in deliberation or voting; nobody else may.
 */
@QuarkusTest
class ArgumentEditTest {

    private static String argue(ProposalFixture.Made p, String body) {
        return as(DAVE).body(Map.of("side", "AGAINST", "body", body))
                .post("/api/v1/proposals/" + p.id() + "/arguments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void itsAuthorEditsAndEveryoneSeesTheHistory() {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).inDeliberation();
        String at = "/api/v1/proposals/" + p.id() + "/arguments/";
        String id = argue(p, "The car park is ful every evening.");
        as(DAVE).get("/api/v1/proposals/" + p.id() + "/arguments").then().body("items[0].editedAt", nullValue());
        as(DAVE).body(Map.of("body", "The car park is full every evening."))
                .put(at + id)
                .then()
                .statusCode(200)
                .body("body", equalTo("The car park is full every evening."))
                .body("editedAt", notNullValue());
        as(DAVE).body(Map.of("body", "The car park is full every evening, and on Sundays."))
                .put(at + id)
                .then()
                .statusCode(200);
        as(BOB).get("/api/v1/proposals/" + p.id() + "/arguments")
                .then()
                .body("items", hasSize(1))
                .body("items[0].body", equalTo("The car park is full every evening, and on Sundays."))
                .body("items[0].editedAt", notNullValue());
        as(BOB).get(at + id + "/revisions")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].body", equalTo("The car park is full every evening."))
                .body("items[1].body", equalTo("The car park is ful every evening."));
    }

    @Test
    void nobodyElseEditsOrRemovesIt() {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).inDeliberation();
        String at = "/api/v1/proposals/" + p.id() + "/arguments/";
        String id = argue(p, "Keep the trees.");
        for (var other : new People.Person[] {BOB, CAROL}) {
            as(other)
                    .body(Map.of("body", "Cut the trees."))
                    .put(at + id)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            as(other).delete(at + id).then().statusCode(403);
        }
        as(BOB).get("/api/v1/proposals/" + p.id() + "/arguments")
                .then()
                .body("items[0].body", equalTo("Keep the trees."))
                .body("items[0].removedAt", nullValue());
    }

    @Test
    void itsAuthorRemovesItAndItsTextIsGone() {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).inDeliberation();
        String at = "/api/v1/proposals/" + p.id() + "/arguments/";
        String id = argue(p, "My phone number is 555 0101.");
        as(DAVE).body(Map.of("body", "Call me on 555 0101."))
                .put(at + id)
                .then()
                .statusCode(200);
        as(DAVE).delete(at + id).then().statusCode(204);
        as(BOB).get("/api/v1/proposals/" + p.id() + "/arguments")
                .then()
                .body("items", hasSize(1))
                .body("items[0].body", equalTo(""))
                .body("items[0].removedAt", notNullValue())
                .body("items[0].author.displayName", equalTo(DAVE.displayName()));
        as(BOB).get(at + id + "/revisions").then().statusCode(200).body("items", hasSize(0));
        as(DAVE).body(Map.of("body", "Back again")).put(at + id).then().statusCode(409);
    }

    @Test
    void afterTheCloseItStaysAsItWas() {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).inDeliberation();
        String at = "/api/v1/proposals/" + p.id() + "/arguments/";
        String id = argue(p, "Too expensive.");
        as(CAROL).body(Map.of("phase", "VOTING")).post("/api/v1/proposals/" + p.id() + "/phase");
        as(DAVE).body(Map.of("body", "Far too expensive.")).put(at + id).then().statusCode(200);
        as(CAROL)
                .body(Map.of("phase", "CLOSED"))
                .post("/api/v1/proposals/" + p.id() + "/phase")
                .then()
                .statusCode(200);
        as(DAVE).body(Map.of("body", "Cheap after all."))
                .put(at + id)
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_PHASE"));
        as(DAVE).delete(at + id).then().statusCode(409).body("code", equalTo("WRONG_PHASE"));
        as(BOB).get("/api/v1/proposals/" + p.id() + "/arguments")
                .then()
                .body("items[0].body", equalTo("Far too expensive."));
    }
}
