package org.devolve.testing;

import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.as;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Circles made through the API, reading like sentences:
 * {@code aCircle("Riverside").inside(city).facilitatedBy(BOB).withMembers(CAROL).create()}.
 * Names get a unique suffix so tests never collide in the shared test database.
 */
public final class CircleFixture {

    private final String name;
    private String kind = "COOPERATIVE";
    private final List<String> parents = new ArrayList<>();
    private final Map<People.Person, String> people = new LinkedHashMap<>();
    private int challengeWindowMinutes;

    private CircleFixture(String name) {
        this.name = name + " " + Long.toString(System.nanoTime(), 36);
    }

    public static CircleFixture aCircle(String name) {
        return new CircleFixture(name);
    }

    public CircleFixture ofKind(String kind) {
        this.kind = kind;
        return this;
    }

    public CircleFixture inside(String parentId) {
        parents.add(parentId);
        return this;
    }

    public CircleFixture facilitatedBy(People.Person... facilitators) {
        for (People.Person p : facilitators) {
            people.put(p, "FACILITATOR");
        }
        return this;
    }

    /**
     * The circle's challenge window (a stake policy; 60 minutes for a circle made through the API). The fixture's
     * circles have none unless a test asks for one, so that a declaration just before a deadline is simply on time.
     */
    public CircleFixture withChallengeWindow(int minutes) {
        this.challengeWindowMinutes = minutes;
        return this;
    }

    public CircleFixture withMembers(People.Person... members) {
        for (People.Person p : members) {
            people.put(p, "MEMBER");
        }
        return this;
    }

    /** Creates the circle as Alice (an admin, its first facilitator), with its challenge window; returns its id. */
    public String create() {
        String id = as(ALICE)
                .body(Map.of("name", name, "kind", kind, "description", "A circle for tests", "parents", parents))
                .post("/api/v1/circles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(ALICE)
                .body(Map.of(
                        "budgetPeriod",
                        "QUARTER",
                        "challengesEnabled",
                        true,
                        "challengeWindowMinutes",
                        challengeWindowMinutes))
                .put("/api/v1/circles/" + id + "/policy")
                .then()
                .statusCode(200);
        people.forEach((person, role) -> {
            if (person != ALICE) {
                as(ALICE)
                        .body(Map.of("role", role))
                        .put("/api/v1/circles/" + id + "/members/" + idOf(person))
                        .then()
                        .statusCode(201);
            }
        });
        // the creator is the circle's first facilitator; the circle is the test's as written: Alice stays only in the
        // role the test gives her, and leaves when it names none (a circle without another facilitator keeps her)
        String role = people.get(ALICE);
        if ("MEMBER".equals(role)) {
            as(ALICE)
                    .body(Map.of("role", role))
                    .put("/api/v1/circles/" + id + "/members/" + idOf(ALICE))
                    .then()
                    .statusCode(200);
        } else if (role == null && people.containsValue("FACILITATOR")) {
            as(ALICE)
                    .delete("/api/v1/circles/" + id + "/members/" + idOf(ALICE))
                    .then()
                    .statusCode(204);
        }
        return id;
    }

    /** The member id of a person; asking makes sure they exist. */
    public static String idOf(People.Person person) {
        return as(person).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }
}
