package org.devolve.proposal;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.devolve.testing.ProposalFixture.declare;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.devolve.testing.Pages;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/** The list of proposals: who sees what, its filters, and its pages. */
@QuarkusTest
class ProposalListingTest {

    @Test
    void affectingMeKeepsMyCirclesTheCirclesIAmAffectedThroughAndMyStakes() {
        People.Person reader = People.someone("reader");
        String readersCircle = aCircle("Reader's street").withMembers(reader).create();
        String ofMyCircle = aProposal().withMembers(reader).inDeliberation().id();
        String affectingMyCircle =
                aProposal().affectingCircle(readersCircle, 2).inDeliberation().id();
        ProposalFixture.Made declaredIn = aProposal().openToOutsiders().inDeliberation();
        declare(reader, declaredIn, 0, 2);
        String openToAll = aProposal().openToOutsiders().inDeliberation().id();
        String elsewhere = aProposal().inDeliberation().id();
        String draftOfMyCircle = aProposal().withMembers(reader).draft().id();

        as(reader)
                .queryParam("affectingMe", true)
                .queryParam("limit", 100)
                .get("/api/v1/proposals")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(ofMyCircle, affectingMyCircle, declaredIn.id()));
        as(reader)
                .queryParam("limit", 100)
                .get("/api/v1/proposals")
                .then()
                .statusCode(200)
                .body("items.id", hasItems(ofMyCircle, affectingMyCircle, declaredIn.id(), openToAll))
                .body("items.id", not(hasItem(elsewhere)))
                .body("items.id", not(hasItem(draftOfMyCircle)));
        as(reader)
                .queryParam("openToOutsiders", true)
                .queryParam("limit", 100)
                .get("/api/v1/proposals")
                .then()
                .statusCode(200)
                .body("items.id", hasItems(declaredIn.id(), openToAll))
                .body("items.id", not(hasItem(ofMyCircle)))
                .body("items.outsidersAllowed", everyItem(equalTo(true)));
    }

    @Test
    void phaseAndTextFilterAndPagesCoverEveryProposalOnceNewestFirst() {
        String tag = "Orchard" + System.nanoTime();
        People.Person author = People.someone("author");
        String circle = aCircle("Orchard keepers").withMembers(author).create();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(
                    0,
                    aProposal()
                            .by(author)
                            .inCircle(circle)
                            .with("title", tag + " pruning plan " + i)
                            .draft()
                            .id());
        }
        as(author)
                .body(Map.of("phase", "DELIBERATION"))
                .post("/api/v1/proposals/" + made.get(0) + "/phase")
                .then()
                .statusCode(200);
        List<JsonPath> pages = Pages.of(
                () -> as(author).queryParam("q", tag.toLowerCase()).queryParam("limit", 2), "/api/v1/proposals");
        assertEquals(made, Pages.all(pages, "items.id"), "newest first, each once");
        assertEquals(3, pages.size());
        as(author)
                .queryParam("q", tag)
                .queryParam("phase", "DELIBERATION")
                .get("/api/v1/proposals")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(made.get(0)));
        as(author)
                .queryParam("circle", circle)
                .queryParam("phase", "DRAFT")
                .queryParam("limit", 100)
                .get("/api/v1/proposals")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(4));
    }

    @Test
    void aFilterThatMeansNothingIsAProblemNamingIt() {
        as(People.BOB)
                .queryParam("phase", "DREAMING")
                .get("/api/v1/proposals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("phase"));
        as(People.BOB)
                .queryParam("openToOutsiders", "perhaps")
                .get("/api/v1/proposals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("openToOutsiders"));
    }
}
