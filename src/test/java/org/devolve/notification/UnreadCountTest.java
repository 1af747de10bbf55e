package org.devolve.notification;

import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.anonymous;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.devolve.testing.Outboxes;
import org.devolve.testing.People;
import org.junit.jupiter.api.Test;

/** Issue 12: the header's bell counts my unread notifications; marking them read brings it to zero. */
@QuarkusTest
class UnreadCountTest {

    @Test
    void theBellCountsWhatIHaveNotReadYet() {
        People.Person newcomer = People.someone("bell");
        assertEquals(0, count(newcomer));
        aProposal().by(BOB).withMembers(newcomer).inDeliberation();
        aProposal().by(BOB).withMembers(newcomer).inDeliberation();
        Outboxes.drain();
        assertEquals(2, count(newcomer), "two proposals opened for deliberation");

        String first =
                as(newcomer).get("/api/v1/notifications").then().extract().path("items[0].id");
        as(newcomer)
                .body(Map.of("ids", List.of(first)))
                .post("/api/v1/notifications/read")
                .then()
                .statusCode(200);
        assertEquals(1, count(newcomer), "one read");
        anonymous().get("/api/v1/notifications/unread-count").then().statusCode(401);
    }

    private static int count(People.Person person) {
        return as(person)
                .get("/api/v1/notifications/unread-count")
                .then()
                .statusCode(200)
                .extract()
                .path("count");
    }
}
