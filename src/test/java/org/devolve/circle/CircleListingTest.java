package org.devolve.circle;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.devolve.testing.Pages;
import org.devolve.testing.People;
import org.junit.jupiter.api.Test;

/** Lists: filters, cursor paging, member search. */
@QuarkusTest
class CircleListingTest {

    @Test
    void pagesCoverEveryCircleOnceInNameOrder() {
        String tag = "Paged" + System.nanoTime();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = tag + " " + (char) ('g' - i);
            created.add(as(ALICE)
                    .body(Map.of("name", name, "kind", "OTHER"))
                    .post("/api/v1/circles")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("name"));
        }
        List<JsonPath> pages = Pages.of(() -> as(BOB).queryParam("q", tag).queryParam("limit", 3), "/api/v1/circles");
        List<String> seen = Pages.all(pages, "items.name");
        assertEquals(3, pages.size());
        assertEquals(created.stream().sorted().toList(), seen);
        assertEquals(7, new HashSet<>(seen).size());
    }

    @Test
    void mineListsOnlyTheCirclesIBelongTo() {
        People.Person newcomer = People.someone("joiner");
        String joined = aCircle("Joined").withMembers(newcomer).create();
        aCircle("Not joined").create();
        as(newcomer)
                .queryParam("mine", true)
                .get("/api/v1/circles")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(joined))
                .body("next", nullValue());
        as(newcomer)
                .get("/api/v1/me")
                .then()
                .body("circles[0].id", equalTo(joined))
                .body("circles[0].role", equalTo("MEMBER"));
    }

    @Test
    void textSearchFindsNameSlugAndDescriptionAndTakesWildcardsLiterally() {
        String circle = aCircle("Zebra crossing 100% safe").create();
        as(BOB).queryParam("q", "100% SAFE").get("/api/v1/circles").then().body("items.id", hasItem(circle));
        as(BOB).queryParam("q", "zebra_crossing").get("/api/v1/circles").then().body("items.size()", equalTo(0));
    }

    @Test
    void badPagingParametersAreValidationProblems() {
        as(BOB).queryParam("limit", 0)
                .get("/api/v1/circles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        as(BOB).queryParam("limit", 101).get("/api/v1/circles").then().statusCode(400);
        as(BOB).queryParam("limit", "ten")
                .get("/api/v1/circles")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("WRONG_TYPE"));
        as(BOB).queryParam("cursor", "not-a-cursor")
                .get("/api/v1/circles")
                .then()
                .statusCode(400)
                .body("type", equalTo("/problems/invalid-cursor"));
        as(BOB).queryParam("mine", "perhaps").get("/api/v1/circles").then().statusCode(400);
        as(BOB).queryParam("parent", "nope").get("/api/v1/circles").then().statusCode(400);
    }

    @Test
    void membersArePagedByName() {
        String circle = aCircle("Crowd")
                .withMembers(People.someone("aa"), People.someone("bb"), People.someone("cc"), CAROL)
                .facilitatedBy(BOB)
                .create();
        JsonPath first = as(CAROL)
                .queryParam("limit", 2)
                .get("/api/v1/circles/" + circle + "/members")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, first.getList("items").size());
        JsonPath rest = as(CAROL)
                .queryParam("limit", 10)
                .queryParam("cursor", first.getString("next"))
                .get("/api/v1/circles/" + circle + "/members")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(3, rest.getList("items").size());
        assertEquals(null, rest.getString("next"));
        as(CAROL)
                .queryParam("role", "FACILITATOR")
                .get("/api/v1/circles/" + circle + "/members")
                .then()
                .body("items.size()", equalTo(1))
                .body("items[0].member.username", equalTo("bob"));
    }

    @Test
    void memberSearchFindsPeopleByNameForAddingThem() {
        People.Person zora = new People.Person("zora" + System.nanoTime(), "Zora Quintanilla", List.of("member"));
        as(zora).get("/api/v1/me").then().statusCode(200);
        as(BOB).queryParam("q", "quintan")
                .get("/api/v1/members")
                .then()
                .statusCode(200)
                .body("items.displayName", hasItem("Zora Quintanilla"))
                .body("items[0].email", nullValue());
    }
}
