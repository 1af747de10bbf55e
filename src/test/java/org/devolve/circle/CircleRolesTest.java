package org.devolve.circle;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.ERIN;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.devolve.testing.Pages;
import org.junit.jupiter.api.Test;

/**
 * Roles nobody can take over: only an admin demotes or removes a facilitator, so that a facilitator cannot demote
 * the one who appointed them and run the circle alone; and every change of a membership is in the circle's
 * history, with who made it, by name.
 */
@QuarkusTest
class CircleRolesTest {

    @Test
    void aFacilitatorCannotDemoteOrRemoveTheFacilitatorWhoAppointedThem() {
        String circle = aCircle("Takeover").facilitatedBy(BOB).withMembers(DAVE).create();
        String at = "/api/v1/circles/" + circle + "/members/";
        String bob = idOf(BOB);
        as(BOB).body(Map.of("role", "FACILITATOR")).put(at + idOf(CAROL)).then().statusCode(201);

        as(CAROL)
                .body(Map.of("role", "MEMBER"))
                .put(at + bob)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("ADMIN_ONLY"));
        as(CAROL).delete(at + bob).then().statusCode(403).body("code", equalTo("ADMIN_ONLY"));
        as(BOB).get("/api/v1/circles/" + circle)
                .then()
                .body("myRole", equalTo("FACILITATOR"))
                .body("facilitatorCount", equalTo(2));

        // A facilitator still manages plain members, and may step down or leave themself.
        as(CAROL).delete(at + idOf(DAVE)).then().statusCode(204);
        as(CAROL)
                .body(Map.of("role", "MEMBER"))
                .put(at + idOf(CAROL))
                .then()
                .statusCode(200)
                .body("role", equalTo("MEMBER"));
        as(BOB).body(Map.of("role", "FACILITATOR")).put(at + idOf(CAROL)).then().statusCode(200);
        as(CAROL).delete(at + "me").then().statusCode(204);

        // An admin demotes and removes, but never the last facilitator.
        as(BOB).body(Map.of("role", "FACILITATOR")).put(at + idOf(ERIN)).then().statusCode(201);
        as(ALICE).body(Map.of("role", "MEMBER")).put(at + idOf(ERIN)).then().statusCode(200);
        as(ALICE).delete(at + bob).then().statusCode(409).body("code", equalTo("LAST_FACILITATOR"));
    }

    @Test
    void aNewCircleIsItsCreatorsToRun() {
        // issue 12: an admin's new circle was nobody's: not in their circles, no facilitator to steer it
        String name = "Ours " + System.nanoTime();
        String circle = as(ALICE)
                .body(Map.of("name", name, "kind", "COOPERATIVE"))
                .post("/api/v1/circles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(ALICE)
                .get("/api/v1/circles/" + circle + "/members")
                .then()
                .statusCode(200)
                .body("items.member.username", equalTo(List.of("alice")))
                .body("items.role", equalTo(List.of("FACILITATOR")));
        as(ALICE)
                .queryParam("mine", true)
                .queryParam("q", name)
                .get("/api/v1/circles")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(circle)));
        // and it is steered by them as by any facilitator: they add the first members
        as(ALICE)
                .body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + circle + "/members/" + idOf(BOB))
                .then()
                .statusCode(201);
        // the last facilitator stays until another is appointed
        as(ALICE)
                .delete("/api/v1/circles/" + circle + "/members/me")
                .then()
                .statusCode(409)
                .body("code", equalTo("LAST_FACILITATOR"));
    }

    @Test
    void theHistorySaysWhoJoinedChangedRoleWasRemovedOrLeftAndWhoDidIt() {
        String circle = aCircle("Chronicle").facilitatedBy(BOB).create();
        String at = "/api/v1/circles/" + circle + "/members/";
        as(BOB).body(Map.of("role", "MEMBER")).put(at + idOf(CAROL)).then().statusCode(201);
        as(BOB).body(Map.of("role", "MEMBER")).put(at + idOf(CAROL)).then().statusCode(200); // no change, no line
        as(BOB).body(Map.of("role", "FACILITATOR")).put(at + idOf(CAROL)).then().statusCode(200);
        as(BOB).body(Map.of("role", "MEMBER")).put(at + idOf(DAVE)).then().statusCode(201);
        as(CAROL).delete(at + idOf(DAVE)).then().statusCode(204);
        as(ALICE).body(Map.of("role", "MEMBER")).put(at + idOf(CAROL)).then().statusCode(200);
        as(CAROL).delete(at + "me").then().statusCode(204);

        List<JsonPath> pages =
                Pages.of(() -> as(ERIN).queryParam("limit", 2), "/api/v1/circles/" + circle + "/history");
        assertEquals(5, pages.size(), "9 lines, 2 a page");
        List<String> lines = Pages.<Map<String, Object>>all(pages, "items").stream()
                .map(CircleRolesTest::line)
                .toList();
        assertEquals(
                List.of(
                        "LEFT Carol Lindqvist MEMBER→null by Carol Lindqvist",
                        "ROLE_CHANGED Carol Lindqvist FACILITATOR→MEMBER by Alice Moreau",
                        "REMOVED Dave Nakamura MEMBER→null by Carol Lindqvist",
                        "JOINED Dave Nakamura null→MEMBER by Bob Okafor",
                        "ROLE_CHANGED Carol Lindqvist MEMBER→FACILITATOR by Bob Okafor",
                        "JOINED Carol Lindqvist null→MEMBER by Bob Okafor",
                        "LEFT Alice Moreau FACILITATOR→null by Alice Moreau",
                        "JOINED Bob Okafor null→FACILITATOR by Alice Moreau",
                        "JOINED Alice Moreau null→FACILITATOR by Alice Moreau"),
                lines);
        as(ERIN).get("/api/v1/circles/" + circle + "/history")
                .then()
                .statusCode(200)
                .body("items[0].at", org.hamcrest.Matchers.notNullValue())
                .body("items.actor.username", hasItem("alice"));
        as(ERIN).queryParam("cursor", "bm9wZQ")
                .get("/api/v1/circles/" + circle + "/history")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
        as(ERIN).get("/api/v1/circles/no-such-circle/history").then().statusCode(404);
    }

    @SuppressWarnings("unchecked")
    private static String line(Map<String, Object> e) {
        return e.get("kind") + " " + ((Map<String, Object>) e.get("member")).get("displayName") + " "
                + e.get("previousRole") + "→" + e.get("role") + " by "
                + ((Map<String, Object>) e.get("actor")).get("displayName");
    }
}
