package org.devolve.circle;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.ERIN;
import static org.devolve.testing.People.anonymous;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.devolve.testing.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what with circles: anonymous, a signed-in non-member, a member, a facilitator, an admin.
 * Bob facilitates the circle, Carol is a member, Dave belongs to nothing here, Alice is an admin.
 */
@QuarkusTest
class CircleAuthorizationTest {

    private String circle;
    private String other;

    @BeforeEach
    void aCircleFacilitatedByBobWithCarol() {
        circle = aCircle("Riverside").facilitatedBy(BOB).withMembers(CAROL).create();
        other = aCircle("Hillside").create();
    }

    @Test
    void anonymousPeopleGet401OnEveryEndpoint() {
        anonymous().get("/api/v1/circles").then().statusCode(401);
        anonymous().get("/api/v1/circles/" + circle).then().statusCode(401);
        anonymous().get("/api/v1/circles/" + circle + "/members").then().statusCode(401);
        anonymous()
                .body(Map.of("name", "X", "kind", "CITY"))
                .post("/api/v1/circles")
                .then()
                .statusCode(401);
        anonymous()
                .body(Map.of("name", "X", "kind", "CITY"))
                .put("/api/v1/circles/" + circle)
                .then()
                .statusCode(401);
        anonymous()
                .body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + circle + "/members/" + idOf(DAVE))
                .then()
                .statusCode(401);
        anonymous()
                .delete("/api/v1/circles/" + circle + "/members/" + idOf(CAROL))
                .then()
                .statusCode(401);
        anonymous()
                .put("/api/v1/circles/" + other + "/parents/" + circle)
                .then()
                .statusCode(401);
        anonymous()
                .delete("/api/v1/circles/" + other + "/parents/" + circle)
                .then()
                .statusCode(401);
        anonymous().get("/api/v1/members?q=bob").then().statusCode(401);
    }

    @Test
    void everySignedInPersonReadsCirclesAndTheirMembers() {
        as(DAVE).get("/api/v1/circles/" + circle)
                .then()
                .statusCode(200)
                .body("memberCount", equalTo(2))
                .body("facilitatorCount", equalTo(1))
                .body("canManage", equalTo(false));
        as(DAVE).get("/api/v1/circles/" + circle + "/members")
                .then()
                .statusCode(200)
                .body("items.member.username", hasItem("bob"));
        as(CAROL).get("/api/v1/circles/" + circle).then().statusCode(200).body("myRole", equalTo("MEMBER"));
        as(BOB).get("/api/v1/circles/" + circle)
                .then()
                .statusCode(200)
                .body("myRole", equalTo("FACILITATOR"))
                .body("canManage", equalTo(true));
    }

    @Test
    void onlyAdminsCreateCircles() {
        for (People.Person notAdmin : new People.Person[] {BOB, CAROL, DAVE}) {
            as(notAdmin)
                    .body(Map.of("name", "Breakaway", "kind", "OTHER"))
                    .post("/api/v1/circles")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("code", equalTo("FORBIDDEN"));
        }
        as(ALICE)
                .body(Map.of("name", "Admin made " + System.nanoTime(), "kind", "CITY"))
                .post("/api/v1/circles")
                .then()
                .statusCode(201);
    }

    @Test
    void facilitatorsAndAdminsEditACircleMembersDoNot() {
        Map<String, String> edit = Map.of("name", "Riverside renamed", "description", "New words", "kind", "CITY");
        as(CAROL).body(edit).put("/api/v1/circles/" + circle).then().statusCode(403);
        as(DAVE).body(edit).put("/api/v1/circles/" + circle).then().statusCode(403);
        as(BOB).body(edit)
                .put("/api/v1/circles/" + circle)
                .then()
                .statusCode(200)
                .body("name", equalTo("Riverside renamed"))
                .body("kind", equalTo("CITY"));
        as(ALICE)
                .body(Map.of("name", "Riverside again", "kind", "OTHER"))
                .put("/api/v1/circles/" + circle)
                .then()
                .statusCode(200)
                .body("description", equalTo(""));
    }

    @Test
    void facilitatorsAddMembersAndAppointFacilitatorsOthersCannot() {
        String dave = idOf(DAVE);
        as(CAROL)
                .body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + circle + "/members/" + dave)
                .then()
                .statusCode(403);
        as(DAVE).body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + circle + "/members/" + dave)
                .then()
                .statusCode(403);
        as(BOB).body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + circle + "/members/" + dave)
                .then()
                .statusCode(201)
                .body("role", equalTo("MEMBER"))
                .body("member.username", equalTo("dave"));
        as(BOB).body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + circle + "/members/" + dave)
                .then()
                .statusCode(200);
        as(BOB).body(Map.of("role", "FACILITATOR"))
                .put("/api/v1/circles/" + circle + "/members/" + dave)
                .then()
                .statusCode(200)
                .body("role", equalTo("FACILITATOR"));
        as(DAVE).get("/api/v1/circles/" + circle).then().body("canManage", equalTo(true));
        String erin = idOf(ERIN);
        as(ALICE)
                .body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + circle + "/members/" + erin)
                .then()
                .statusCode(201);
    }

    @Test
    void facilitatorsRemoveMembersMembersOnlyLeave() {
        String carol = idOf(CAROL);
        String bob = idOf(BOB);
        as(DAVE).delete("/api/v1/circles/" + circle + "/members/" + carol)
                .then()
                .statusCode(403);
        as(CAROL).delete("/api/v1/circles/" + circle + "/members/" + bob).then().statusCode(403);
        as(CAROL).delete("/api/v1/circles/" + circle + "/members/me").then().statusCode(204);
        as(CAROL).get("/api/v1/circles/" + circle).then().body("myRole", equalTo(null));
        as(CAROL).delete("/api/v1/circles/" + circle + "/members/me").then().statusCode(404);
        as(BOB).body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + circle + "/members/" + carol)
                .then()
                .statusCode(201);
        as(BOB).delete("/api/v1/circles/" + circle + "/members/" + carol).then().statusCode(204);
        as(BOB).get("/api/v1/circles/" + circle + "/members")
                .then()
                .body("items.member.username", not(hasItem("carol")));
    }

    @Test
    void theLastFacilitatorCannotLeaveOrStepDownUntilAnotherIsAppointed() {
        String bob = idOf(BOB);
        as(BOB).delete("/api/v1/circles/" + circle + "/members/me")
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/last-facilitator"));
        as(ALICE)
                .body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + circle + "/members/" + bob)
                .then()
                .statusCode(409)
                .body("code", equalTo("LAST_FACILITATOR"));
        as(ALICE).delete("/api/v1/circles/" + circle + "/members/" + bob).then().statusCode(409);
        String carol = idOf(CAROL);
        as(BOB).body(Map.of("role", "FACILITATOR"))
                .put("/api/v1/circles/" + circle + "/members/" + carol)
                .then()
                .statusCode(200);
        as(BOB).delete("/api/v1/circles/" + circle + "/members/me").then().statusCode(204);
        as(CAROL).get("/api/v1/circles/" + circle).then().body("facilitatorCount", equalTo(1));
    }

    @Test
    void theParentAdmitsAChildEitherSideMaySeparate() {
        // Bob facilitates `circle`; `other` is facilitated by nobody.
        as(CAROL).put("/api/v1/circles/" + other + "/parents/" + circle).then().statusCode(403);
        as(BOB).put("/api/v1/circles/" + circle + "/parents/" + other).then().statusCode(403);
        as(BOB).put("/api/v1/circles/" + other + "/parents/" + circle)
                .then()
                .statusCode(200)
                .body("parents.id", hasItem(circle));
        as(BOB).get("/api/v1/circles/" + circle).then().body("children.id", hasItem(other));
        as(DAVE).delete("/api/v1/circles/" + other + "/parents/" + circle)
                .then()
                .statusCode(403);
        as(BOB).delete("/api/v1/circles/" + other + "/parents/" + circle).then().statusCode(204);
        as(BOB).delete("/api/v1/circles/" + other + "/parents/" + circle).then().statusCode(404);
        as(ALICE).put("/api/v1/circles/" + other + "/parents/" + circle).then().statusCode(200);
        as(ALICE)
                .delete("/api/v1/circles/" + other + "/parents/" + circle)
                .then()
                .statusCode(204);
    }

    @Test
    void anUnknownCircleIsA404Problem() {
        as(BOB).get("/api/v1/circles/no-such-circle")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        as(BOB).get("/api/v1/circles/00000000-0000-0000-0000-000000000000/members")
                .then()
                .statusCode(404);
        as(ALICE)
                .body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + circle + "/members/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404);
    }
}
