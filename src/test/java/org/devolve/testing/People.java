package org.devolve.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;

/**
 * The people of the tests, each with a real signed token: {@code as(ALICE).get("/api/v1/me")}.
 * Alice is an admin, like in the demo realm; the others are members.
 */
public final class People {

    public record Person(String username, String displayName, List<String> roles) {
        public String token() {
            return TestTokens.token(username, displayName, roles);
        }

        public RequestSpecification request() {
            return given().auth().oauth2(token()).contentType(ContentType.JSON).accept(ContentType.JSON);
        }
    }

    public static final Person ALICE = new Person("alice", "Alice Moreau", List.of("member", "admin"));
    public static final Person BOB = new Person("bob", "Bob Okafor", List.of("member"));
    public static final Person CAROL = new Person("carol", "Carol Lindqvist", List.of("member"));
    public static final Person DAVE = new Person("dave", "Dave Nakamura", List.of("member"));
    public static final Person ERIN = new Person("erin", "Erin Haddad", List.of("member"));

    private People() {}

    public static RequestSpecification as(Person person) {
        return person.request();
    }

    /** Someone with a fresh name, for tests that need people nobody else has touched. */
    public static Person someone(String prefix) {
        String name = prefix + "-" + Long.toString(System.nanoTime(), 36);
        return new Person(
                name, Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + " " + name, List.of("member"));
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
