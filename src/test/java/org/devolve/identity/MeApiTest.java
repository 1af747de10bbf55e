package org.devolve.identity;

import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.anonymous;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.devolve.testing.CircleFixture;
import org.devolve.testing.People;
import org.devolve.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeApiTest {

    @Test
    void theFirstRequestOfASignedInPersonCreatesTheirMember() {
        People.Person newcomer = People.someone("newcomer");
        String id = as(newcomer)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(newcomer.username()))
                .body("displayName", equalTo(newcomer.displayName()))
                .body("email", equalTo(newcomer.username() + "@devolve.test"))
                .body("roles", contains("member"))
                .body("circles.size()", equalTo(0))
                .extract()
                .path("id");
        as(newcomer).get("/api/v1/me").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aChangedNameInTheTokenUpdatesTheMember() {
        People.Person before = People.someone("renamed");
        String id = as(before).get("/api/v1/me").then().extract().path("id");
        People.Person after = new People.Person(before.username(), "Another Name", before.roles());
        as(after)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("displayName", equalTo("Another Name"));
        as(BOB).get("/api/v1/members/" + id).then().statusCode(200).body("displayName", equalTo("Another Name"));
    }

    @Test
    void aPersonWhoseFirstRequestIsRefusedIsStillRegistered() {
        People.Person newcomer = People.someone("refused");
        String circle = CircleFixture.aCircle("Closed").create();
        as(newcomer)
                .body(Map.of("name", "Taken over", "kind", "OTHER"))
                .put("/api/v1/circles/" + circle)
                .then()
                .statusCode(403);
        String id =
                as(newcomer).get("/api/v1/me").then().statusCode(200).extract().path("id");
        as(ALICE)
                .body(Map.of("role", "MEMBER"))
                .put("/api/v1/circles/" + circle + "/members/" + id)
                .then()
                .statusCode(201);
    }

    @Test
    void adminsHaveTheAdminRole() {
        as(ALICE).get("/api/v1/me").then().statusCode(200).body("roles", contains("admin", "member"));
    }

    @Test
    void withoutATokenTheAnswerIsA401Problem() {
        anonymous()
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("/problems/not-authenticated"))
                .body("status", equalTo(401))
                .body("requestId", notNullValue());
    }

    @Test
    void aForgedTokenIsA401Problem() {
        anonymous()
                .header("Authorization", "Bearer " + TestTokens.forged("mallory"))
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_AUTHENTICATED"));
    }
}
