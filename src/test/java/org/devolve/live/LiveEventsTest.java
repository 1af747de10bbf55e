package org.devolve.live;

import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.devolve.platform.events.LiveEvents;
import org.devolve.testing.EventStream;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.devolve.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Live events that never leak and never get lost: rights re-checked while a stream is open, resume with
 * {@code Last-Event-ID}, the LISTEN connection killed under a stream, and the cap on streams per member.
 */
@QuarkusTest
class LiveEventsTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    LiveEvents live;

    @Inject
    AgroalDataSource db;

    @Test
    void aMemberRemovedFromTheCircleStopsReceivingEventsAtOnce() throws Exception {
        People.Person watcher = People.someone("watcher");
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(watcher).inDeliberation();
        try (EventStream stream = EventStream.open(root.toString(), watcher, p.id(), null)) {
            assertEquals(200, stream.status());
            stream.await("turnout", "weightDeclared");
            stream.await("argument", argue(p, "Before the removal"));

            as(ALICE)
                    .delete("/api/v1/circles/" + p.circle() + "/members/" + idOf(watcher))
                    .then()
                    .statusCode(204);
            argue(p, "After the removal");
            as(CAROL)
                    .body(Map.of("phase", "VOTING"))
                    .post("/api/v1/proposals/" + p.id() + "/phase")
                    .then()
                    .statusCode(200);

            stream.await("ended", "ACCESS_REVOKED");
            stream.awaitEnd();
            List<EventStream.Event> got = stream.received();
            assertEquals(
                    1,
                    got.stream().filter(e -> e.name().equals("argument")).count(),
                    "only the argument made before the removal reached the removed member: " + got);
            assertTrue(
                    got.stream().noneMatch(e -> e.name().equals("phase")), "no phase change after the removal: " + got);
        }
        EventStream again = EventStream.open(root.toString(), watcher, p.id(), null);
        assertEquals(404, again.status(), "nor can they open another stream");
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsEveryEventItMissedOnceAndInOrder() throws Exception {
        ProposalFixture.Made p = aProposal().by(BOB).inDeliberation();
        String lastSeen;
        try (EventStream first = EventStream.open(root.toString(), BOB, p.id(), null)) {
            first.await("turnout", "weightDeclared");
            lastSeen = first.await("argument", argue(p, "One")).id();
        }
        // while the client is away
        argue(p, "Two");
        argue(p, "Three");
        as(CAROL)
                .body(Map.of("phase", "VOTING"))
                .post("/api/v1/proposals/" + p.id() + "/phase")
                .then()
                .statusCode(200);

        try (EventStream resumed = EventStream.open(root.toString(), BOB, p.id(), lastSeen)) {
            assertEquals(200, resumed.status());
            resumed.await("phase", "\"to\":\"VOTING\"");
            List<EventStream.Event> kept =
                    resumed.received().stream().filter(e -> e.id() != null).toList();
            long n = Long.parseLong(lastSeen);
            assertEquals(
                    List.of(Long.toString(n + 1), Long.toString(n + 2), Long.toString(n + 3)),
                    kept.stream().map(EventStream.Event::id).toList(),
                    "every missed event, once, in order: " + kept);
            assertEquals(
                    List.of("argument", "argument", "phase"),
                    kept.stream().map(EventStream.Event::name).toList());
        }
        try (EventStream fresh = EventStream.open(root.toString(), BOB, p.id(), null)) {
            fresh.await("turnout", "weightDeclared");
            EventStream.Event next = fresh.await("argument", argue(p, "Four"));
            assertTrue(
                    fresh.received().stream()
                                    .filter(e -> e.name().equals("argument"))
                                    .count()
                            == 1,
                    "without Last-Event-ID a stream starts with what happens next: " + fresh.received());
            assertEquals(Long.toString(Long.parseLong(lastSeen) + 4), next.id());
        }
    }

    @Test
    void anIdleStreamOfAMemberRemovedFromTheCircleEndsAtItsNextRefresh() throws Exception {
        People.Person watcher = People.someone("idle");
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(watcher).inDeliberation();
        try (EventStream stream = EventStream.open(root.toString(), watcher, p.id(), null)) {
            stream.await("turnout", "weightDeclared");
            as(ALICE)
                    .delete("/api/v1/circles/" + p.circle() + "/members/" + idOf(watcher))
                    .then()
                    .statusCode(204);
            stream.await("ended", "ACCESS_REVOKED");
            stream.awaitEnd();
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpiresAndResumingWithAFreshOneMissesNothing() throws Exception {
        ProposalFixture.Made p = aProposal().by(BOB).inDeliberation();
        String shortLived = TestTokens.token(BOB.username(), BOB.displayName(), BOB.roles(), Duration.ofSeconds(6));
        String lastSeen;
        try (EventStream stream = EventStream.open(root.toString(), shortLived, p.id(), null)) {
            assertEquals(200, stream.status());
            lastSeen =
                    stream.await("argument", argue(p, "While the token holds")).id();
            stream.awaitReceived(
                    got -> got.stream()
                            .anyMatch(e -> e.name().equals("ended") && e.data().contains("TOKEN_EXPIRED")),
                    "the end of the stream when the token expires");
            stream.awaitEnd();
        }
        String missed = argue(p, "After it expired");
        try (EventStream resumed = EventStream.open(root.toString(), BOB, p.id(), lastSeen)) {
            resumed.await("argument", missed);
        }
    }

    @Test
    void eventsWrittenAtOnceByManyRequestsArriveEachOnceNumberedWithoutAGap() throws Exception {
        ProposalFixture.Made p = aProposal().by(BOB).inDeliberation();
        int arguments = 16;
        try (EventStream stream = EventStream.open(root.toString(), BOB, p.id(), null)) {
            stream.await("turnout", "weightDeclared");
            var pool = Executors.newFixedThreadPool(8);
            List<Future<String>> posted = new ArrayList<>();
            for (int i = 0; i < arguments; i++) {
                int n = i;
                posted.add(pool.submit(() -> argue(p, "At once " + n)));
            }
            List<String> ids = new ArrayList<>();
            for (var f : posted) {
                ids.add(f.get());
            }
            pool.shutdown();
            stream.awaitReceived(
                    got -> ids.stream()
                            .allMatch(id -> got.stream()
                                    .anyMatch(e -> e.name().equals("argument")
                                            && e.data().contains(id))),
                    "every argument");
            List<Long> seqs = stream.received().stream()
                    .filter(e -> e.name().equals("argument"))
                    .map(e -> Long.parseLong(e.id()))
                    .toList();
            assertEquals(arguments, seqs.size(), "each once: " + seqs);
            for (int i = 1; i < seqs.size(); i++) {
                assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "in order, no gap: " + seqs);
            }
        }
    }

    @Test
    void aClientResumingFromEventsNoLongerKeptIsToldToReload() throws Exception {
        ProposalFixture.Made p = aProposal().by(BOB).inDeliberation();
        String lastSeen;
        try (EventStream first = EventStream.open(root.toString(), BOB, p.id(), null)) {
            first.await("turnout", "weightDeclared");
            lastSeen = first.await("argument", argue(p, "Kept a while")).id();
        }
        argue(p, "Pruned");
        argue(p, "Pruned too");
        try (Connection c = db.getConnection();
                PreparedStatement prune = c.prepareStatement("delete from live_event where proposal_id = ?")) {
            prune.setObject(1, UUID.fromString(p.id())); // as devolve.live.retention would, later
            prune.executeUpdate();
        }
        try (EventStream resumed = EventStream.open(root.toString(), BOB, p.id(), lastSeen)) {
            long n = Long.parseLong(lastSeen);
            EventStream.Event resync = resumed.await("resync", "\"missedFrom\":" + (n + 1));
            assertTrue(resync.data().contains("\"missedTo\":" + (n + 2)), resync.data());
            assertEquals(Long.toString(n + 2), resync.id(), "a reconnection after it does not ask again");
            EventStream.Event next = resumed.await("argument", argue(p, "After the gap"));
            assertEquals(Long.toString(n + 3), next.id());
        }
    }

    @Test
    void aLastEventIdThatIsNotOneOfOursIsRefused() throws Exception {
        ProposalFixture.Made p = aProposal().by(BOB).inDeliberation();
        EventStream stream = EventStream.open(root.toString(), BOB, p.id(), "12; drop table");
        assertEquals(400, stream.status());
        assertTrue(stream.contentType().startsWith("application/problem+json"), stream.contentType());
        assertEquals("Last-Event-ID", JsonPath.from(stream.refusal()).getString("errors[0].field"));
    }

    @Test
    void whenTheListenConnectionIsKilledTheReplicaListensAgainAndNoEventIsLost() throws Exception {
        ProposalFixture.Made p = aProposal().by(BOB).inDeliberation();
        try (EventStream stream = EventStream.open(root.toString(), BOB, p.id(), null)) {
            stream.await("turnout", "weightDeclared");
            stream.await("argument", argue(p, "Heard as usual"));
            long connections = live.connections();

            assertEquals(1, terminateListener(), "the service listens on one connection of its own");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (live.listening() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertFalse(live.listening(), "the replica noticed that its LISTEN connection is gone");
            String unheard = argue(p, "Said while nobody listened");
            assertFalse(live.listening(), "the argument was made while the replica was not listening");

            stream.await("argument", unheard);
            assertTrue(live.connections() > connections, "the replica listens again");
            stream.await("argument", argue(p, "Heard again"));
            List<String> ids = stream.received().stream()
                    .filter(e -> e.id() != null)
                    .map(EventStream.Event::id)
                    .toList();
            assertEquals(3, ids.size(), "three arguments, each once: " + stream.received());
            assertEquals(Long.parseLong(ids.get(0)) + 2, Long.parseLong(ids.get(2)), "no gap: " + ids);
        }
    }

    @Test
    void aMemberHoldsAtMostTheCapOfStreamsAndGetsASlotBackWhenOneCloses() throws Exception {
        People.Person reader = People.someone("tabs");
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(reader).inDeliberation();
        int cap = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("devolve.live.max-streams-per-member", Integer.class);
        List<EventStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < cap; i++) {
                EventStream s = EventStream.open(root.toString(), reader, p.id(), null);
                assertEquals(200, s.status(), "stream " + (i + 1) + " of " + cap);
                open.add(s);
            }
            EventStream refused = EventStream.open(root.toString(), reader, p.id(), null);
            assertEquals(429, refused.status());
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            JsonPath problem = JsonPath.from(refused.refusal());
            assertEquals("TOO_MANY_STREAMS", problem.getString("code"));
            assertEquals(cap, problem.getInt("maxStreams"));
            EventStream someoneElse = EventStream.open(root.toString(), BOB, p.id(), null);
            assertEquals(200, someoneElse.status(), "the cap is per member");
            someoneElse.close();

            open.remove(0).close();
            int status = 0;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (status != 200 && System.nanoTime() < until) {
                EventStream retry = EventStream.open(root.toString(), reader, p.id(), null);
                status = retry.status();
                if (status == 200) {
                    open.add(retry);
                } else {
                    Thread.sleep(50);
                }
            }
            assertEquals(200, status, "a closed stream gives its slot back");
        } finally {
            for (EventStream s : open) {
                s.close();
            }
        }
    }

    /** Bob argues; returns the argument's id, which its live event carries. */
    private static String argue(ProposalFixture.Made p, String text) {
        return as(BOB).body(Map.of("side", "AGAINST", "body", text))
                .post("/api/v1/proposals/" + p.id() + "/arguments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Ends the service's LISTEN connection from the database side, as an outage or a failover would. */
    private int terminateListener() throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement kill = c.prepareStatement(
                        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")) {
            kill.setString(1, LiveEvents.APPLICATION_NAME);
            int killed = 0;
            try (ResultSet rs = kill.executeQuery()) {
                while (rs.next()) {
                    killed += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return killed;
        }
    }
}
