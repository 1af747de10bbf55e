package org.devolve.invitation;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devolve.testing.Outboxes;
import org.devolve.testing.People;
import org.devolve.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Invitations and requests to join: a signed, expiring, single-use, revocable link per address; every bad address
 * named at once; only facilitators and admins invite and answer; a signed-in non-member asks to join and is told
 * the answer.
 */
@QuarkusTest
class InvitationRulesTest {

    private static final String LINK_START = "http://localhost:8080/invitations/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static JsonPath invite(People.Person who, String circle, String addresses) {
        return as(who).body(Map.of("addresses", addresses, "language", "fr"))
                .post("/api/v1/circles/" + circle + "/invitations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static String tokenOf(String link) {
        assertTrue(link.startsWith(LINK_START), link);
        return link.substring(LINK_START.length());
    }

    private static String inviteOne(String circle) {
        return tokenOf(invite(BOB, circle, "someone-" + System.nanoTime() + "@example.org")
                .getString("invitations[0].link"));
    }

    @Test
    void aPastedListMakesOneInvitationAndOneMailPerDistinctAddress() throws Exception {
        String circle = aCircle("Pasted").facilitatedBy(BOB).create();
        JsonPath sent =
                invite(BOB, circle, "ana@example.org, Ben Okoro <ben@example.org>\n  ANA@example.org;cy@example.org");
        assertEquals(
                List.of("ana@example.org", "ben@example.org", "cy@example.org"), sent.getList("invitations.address"));
        for (String link : sent.<String>getList("invitations.link")) {
            assertTrue(link.startsWith(LINK_START), link);
        }
        as(BOB).get("/api/v1/circles/" + circle + "/invitations")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.link", hasItem(sent.getString("invitations[1].link")));

        String id = sent.getString("invitations[0].id");
        String payload = QuarkusTransaction.requiringNew()
                .call(() -> (String)
                        em.createNativeQuery("select payload::text from outbox where topic = 'invitation-mail' "
                                        + "and payload->>'invitationId' = :id")
                                .setParameter("id", id)
                                .getSingleResult());
        JsonNode mail = JSON.readTree(payload);
        // jsonb keeps no key order: the fields, exactly these
        assertEquals(
                Set.of("invitationId", "address", "circleName", "inviterName", "link", "language", "expiresAt"),
                Set.copyOf(iterate(mail.fieldNames())));
        assertEquals(7, iterate(mail.fieldNames()).size());
        assertEquals(id, mail.get("invitationId").asText());
        assertEquals("ana@example.org", mail.get("address").asText());
        assertEquals("Bob Okafor", mail.get("inviterName").asText());
        assertEquals("fr", mail.get("language").asText());
        assertEquals(sent.getString("invitations[0].link"), mail.get("link").asText());
        assertTrue(mail.get("circleName").asText().startsWith("Pasted "));
        Instant expires = Instant.parse(mail.get("expiresAt").asText());
        Duration left = Duration.between(Instant.now(), expires);
        assertTrue(left.compareTo(Duration.ofDays(14).minusMinutes(1)) > 0 && left.compareTo(Duration.ofDays(14)) <= 0);
    }

    private static List<String> iterate(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void everyBadAddressIsNamedAtOnceAndNothingIsSent() {
        String circle = aCircle("Bad addresses").facilitatedBy(BOB).create();
        as(BOB).body(Map.of("addresses", "good@example.org, bad@, @nope.org\nno-at-all two@dots..org"))
                .post("/api/v1/circles/" + circle + "/invitations")
                .then()
                .statusCode(400)
                .body("errors", hasSize(4))
                .body(
                        "errors.code",
                        equalTo(List.of("INVALID_ADDRESS", "INVALID_ADDRESS", "INVALID_ADDRESS", "INVALID_ADDRESS")))
                .body("errors[0].message", containsString("bad@"))
                .body("errors[1].message", containsString("@nope.org"))
                .body("errors[2].message", containsString("no-at-all"))
                .body("errors[3].message", containsString("two@dots..org"));
        as(BOB).body(Map.of("addresses", " ,\n "))
                .post("/api/v1/circles/" + circle + "/invitations")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("REQUIRED"));
        as(BOB).body(Map.of("addresses", "a@example.org", "language", "es"))
                .post("/api/v1/circles/" + circle + "/invitations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("language"));
        as(BOB).get("/api/v1/circles/" + circle + "/invitations").then().body("items", hasSize(0));
    }

    @Test
    void onlyFacilitatorsAndAdminsInviteSeeAndRevoke() {
        String circle =
                aCircle("Who invites").facilitatedBy(BOB).withMembers(CAROL).create();
        for (People.Person who : List.of(CAROL, DAVE)) {
            as(who).body(Map.of("addresses", "x@example.org"))
                    .post("/api/v1/circles/" + circle + "/invitations")
                    .then()
                    .statusCode(403);
            as(who).get("/api/v1/circles/" + circle + "/invitations").then().statusCode(403);
        }
        String id = invite(ALICE, circle, "y@example.org").getString("invitations[0].id");
        as(CAROL)
                .delete("/api/v1/circles/" + circle + "/invitations/" + id)
                .then()
                .statusCode(403);
        as(BOB).delete("/api/v1/circles/" + circle + "/invitations/" + id)
                .then()
                .statusCode(204);
    }

    @Test
    void aLinkAdmitsOnePersonOnceAndLandsThemInTheCircle() {
        String circle = aCircle("Landing").facilitatedBy(BOB).create();
        String token = inviteOne(circle);
        People.Person newcomer = People.someone("newcomer");

        as(newcomer)
                .get("/api/v1/invitations/" + token)
                .then()
                .statusCode(200)
                .body("circle.id", equalTo(circle))
                .body("invitedBy", equalTo("Bob Okafor"))
                .body("member", equalTo(false));
        as(newcomer)
                .post("/api/v1/invitations/" + token + "/accept")
                .then()
                .statusCode(200)
                .body("joined", equalTo(true))
                .body("circle.id", equalTo(circle));
        as(BOB).get("/api/v1/circles/" + circle + "/members")
                .then()
                .body("items.find { it.member.id == '" + idOf(newcomer) + "' }.role", equalTo("MEMBER"));
        // Following it again changes nothing; someone else cannot reuse it.
        as(newcomer)
                .post("/api/v1/invitations/" + token + "/accept")
                .then()
                .statusCode(200)
                .body("joined", equalTo(false));
        as(DAVE).post("/api/v1/invitations/" + token + "/accept")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("INVITATION_USED"));
        as(DAVE).get("/api/v1/circles/" + circle).then().body("myRole", equalTo(null));
        // Used, it is no longer pending, and cannot be revoked.
        as(BOB).get("/api/v1/circles/" + circle + "/invitations").then().body("items", hasSize(0));
    }

    @Test
    void anAlteredLinkIsRefused() {
        String circle = aCircle("Altered").facilitatedBy(BOB).create();
        String elsewhere = aCircle("Elsewhere").facilitatedBy(CAROL).create();
        String token = inviteOne(circle);
        int dot = token.indexOf('~');
        char last = token.charAt(token.length() - 1);
        // The last character: only its spare bits may differ (a non-canonical spelling of the same signature).
        String spareBits = token.substring(0, token.length() - 1) + (char) (last ^ 1);
        char first = token.charAt(dot + 1);
        String badSignature = token.substring(0, dot + 1) + (first == 'A' ? 'B' : 'A') + token.substring(dot + 2);
        // The same signature over the payload of another circle's id.
        String otherCircle = tokenOf(invite(CAROL, elsewhere, "z@example.org").getString("invitations[0].link"));
        String swapped = otherCircle.substring(0, otherCircle.indexOf('~')) + token.substring(dot);
        for (String altered :
                List.of(badSignature, spareBits, swapped, "nonsense", token.substring(0, dot), "a~b~c", "%%%")) {
            as(DAVE).post("/api/v1/invitations/" + altered + "/accept")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("INVITATION_INVALID"));
        }
        as(DAVE).get("/api/v1/circles/" + circle).then().body("myRole", equalTo(null));
    }

    @Test
    void anExpiredLinkIsRefusedByTheServicesClock() {
        String circle = aCircle("Expiring").facilitatedBy(BOB).create();
        String token = inviteOne(circle);
        clock.runFrom(Instant.now().plus(Duration.ofDays(14)).plusSeconds(5));
        as(DAVE).post("/api/v1/invitations/" + token + "/accept")
                .then()
                .statusCode(410)
                .body("code", equalTo("INVITATION_EXPIRED"));
        as(DAVE).get("/api/v1/invitations/" + token).then().statusCode(410);
        as(BOB).get("/api/v1/circles/" + circle + "/invitations").then().body("items", hasSize(0));
        clock.reset();
        as(DAVE).post("/api/v1/invitations/" + token + "/accept").then().statusCode(200);
    }

    @Test
    void aRevokedLinkIsRefused() {
        String circle = aCircle("Revoked").facilitatedBy(BOB).create();
        JsonPath sent = invite(BOB, circle, "r@example.org");
        String token = tokenOf(sent.getString("invitations[0].link"));
        as(BOB).delete("/api/v1/circles/" + circle + "/invitations/" + sent.getString("invitations[0].id"))
                .then()
                .statusCode(204);
        as(DAVE).post("/api/v1/invitations/" + token + "/accept")
                .then()
                .statusCode(410)
                .body("code", equalTo("INVITATION_REVOKED"));
        as(BOB).get("/api/v1/circles/" + circle + "/invitations").then().body("items", hasSize(0));
    }

    @Test
    void aNonMemberAsksToJoinAndIsToldTheAnswer() {
        String circle = aCircle("Asking").facilitatedBy(BOB).withMembers(CAROL).create();
        People.Person asker = People.someone("asker");
        People.Person declined = People.someone("declined");
        String id = as(asker)
                .post("/api/v1/circles/" + circle + "/join-requests")
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .extract()
                .path("id");
        as(asker)
                .post("/api/v1/circles/" + circle + "/join-requests")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        String other = as(declined)
                .post("/api/v1/circles/" + circle + "/join-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(CAROL)
                .post("/api/v1/circles/" + circle + "/join-requests")
                .then()
                .statusCode(409)
                .body("code", equalTo("ALREADY_MEMBER"));

        as(CAROL).get("/api/v1/circles/" + circle + "/join-requests").then().statusCode(403);
        as(CAROL)
                .post("/api/v1/circles/" + circle + "/join-requests/" + id + "/accept")
                .then()
                .statusCode(403);
        as(BOB).get("/api/v1/circles/" + circle + "/join-requests")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(other, id)));

        as(BOB).post("/api/v1/circles/" + circle + "/join-requests/" + id + "/accept")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        as(BOB).post("/api/v1/circles/" + circle + "/join-requests/" + other + "/decline")
                .then()
                .statusCode(200)
                .body("status", equalTo("DECLINED"));
        as(BOB).post("/api/v1/circles/" + circle + "/join-requests/" + other + "/accept")
                .then()
                .statusCode(409)
                .body("code", equalTo("JOIN_REQUEST_DECIDED"));
        as(asker).get("/api/v1/circles/" + circle).then().body("myRole", equalTo("MEMBER"));
        as(declined).get("/api/v1/circles/" + circle).then().body("myRole", equalTo(null));
        as(declined)
                .get("/api/v1/circles/" + circle + "/join-requests/mine")
                .then()
                .body("status", equalTo("DECLINED"));
        as(BOB).get("/api/v1/circles/" + circle + "/join-requests").then().body("items", hasSize(0));

        Outboxes.drain();
        as(asker).get("/api/v1/notifications").then().body("items.kind", hasItem("JOIN_ACCEPTED"));
        as(declined).get("/api/v1/notifications").then().body("items.kind", hasItem("JOIN_DECLINED"));
        as(BOB).get("/api/v1/notifications")
                .then()
                .body("items.findAll { it.circleId == '" + circle + "' }.kind", hasItem("JOIN_REQUESTED"));
        as(CAROL)
                .get("/api/v1/notifications")
                .then()
                .body("items.findAll { it.circleId == '" + circle + "' }.kind", not(hasItem("JOIN_REQUESTED")));
        as(asker).get("/api/v1/notifications").then().body("items[0].params.circle", startsWith("Asking "));
    }
}
