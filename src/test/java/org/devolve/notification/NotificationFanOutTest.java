package org.devolve.notification;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.devolve.proposal.PhaseChanged;
import org.devolve.testing.Crowds;
import org.devolve.testing.Outboxes;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * The notifications of a phase change are not written by the phase change: it queues one outbox message,
 * and the worker tells every member of the deciding and affected circles, once each, a page at a time.
 */
@QuarkusTest
class NotificationFanOutTest {

    @Inject
    AgroalDataSource db;

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    /**
     * The worker's own ticks are paused, so that what this test counts (the messages queued, the steps the drain
     * takes) is not done meanwhile by a tick that happens to fire in between.
     */
    @Test
    void aPhaseChangeInALargeCircleQueuesOneMessageAndEveryMemberHearsOfItOnce() throws Exception {
        scheduler.pause("devolve-outbox");
        try {
            fanOut();
        } finally {
            scheduler.resume("devolve-outbox");
        }
    }

    private void fanOut() throws Exception {
        String deciding = aCircle("Large").facilitatedBy(CAROL).withMembers(BOB).create();
        Crowds.Crowd crowd = Crowds.of(db, deciding, 2_500);
        String neighbours = aCircle("Neighbours").create();
        Crowds.Crowd next = Crowds.of(db, neighbours, 200);
        Crowds.join(db, crowd, neighbours, 2_401, 2_500); // a hundred belong to both circles
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .inCircle(deciding)
                .affectingCircle(neighbours, 2)
                .draft();

        as(BOB).body(Map.of("phase", "DELIBERATION"))
                .post("/api/v1/proposals/" + p.id() + "/phase")
                .then()
                .statusCode(200);
        assertEquals(0, notifications(p.id()), "the phase change itself writes no notification");
        assertEquals(
                1,
                count(
                        "select count(*) from outbox where topic = 'notification' and payload->>'proposalId' = ?",
                        p.id()),
                "it queues one message, whatever the circles' size");

        int steps = Outboxes.drain();
        assertTrue(steps >= 3, "2,702 members are told a page (devolve.outbox.batch-size) at a time: " + steps);
        assertEquals(
                2_500 + 2 + 200 + 1,
                notifications(p.id()),
                "every member of both circles (and Alice, who made the neighbours' circle and facilitates it)");
        assertEquals(
                notifications(p.id()),
                count("select count(distinct member_id) from notification where proposal_id = ?", p.id()),
                "each once, also those in both circles");
        Outboxes.drain();
        assertEquals(2_703, notifications(p.id()), "and only once");

        as(crowd.person(2_450))
                .queryParam("unread", true)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.proposalId", hasItem(p.id()))
                .body("items[0].kind", equalTo("PROPOSAL_DELIBERATION"));
        as(next.person(7)).get("/api/v1/notifications").then().body("items.proposalId", hasItem(p.id()));
    }

    @Test
    void aPhaseChangeThatRollsBackAfterQueueingLeavesNothingToDo() throws Exception {
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .with("title", FailsAfterTheNotifier.TITLE + " " + UUID.randomUUID())
                .draft();
        as(BOB).body(Map.of("phase", "DELIBERATION"))
                .post("/api/v1/proposals/" + p.id() + "/phase")
                .then()
                .statusCode(500);
        as(BOB).get("/api/v1/proposals/" + p.id()).then().body("phase", equalTo("DRAFT"));
        assertEquals(
                0,
                count("select count(*) from outbox where payload->>'proposalId' = ?", p.id()),
                "the message the notifier queued went with the transaction");
        Outboxes.drain();
        assertEquals(0, notifications(p.id()));
    }

    /** A fault after the notifier has queued its message: the phase change's transaction rolls back. */
    @jakarta.enterprise.context.ApplicationScoped
    static class FailsAfterTheNotifier {
        static final String TITLE = "Fails after the notifier";

        void fail(
                @jakarta.enterprise.event.Observes
                        @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900)
                        PhaseChanged change) {
            if (change.title().startsWith(TITLE)) {
                throw new IllegalStateException("the change fails after its notifications were queued");
            }
        }
    }

    private long notifications(String proposal) throws Exception {
        return count("select count(*) from notification where proposal_id = ?", proposal);
    }

    private long count(String sql, String proposal) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement(sql)) {
            if (sql.contains("proposal_id = ?")) {
                q.setObject(1, UUID.fromString(proposal));
            } else {
                q.setString(1, proposal);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
