package org.devolve;

import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.devolve.testing.EventStream;
import org.devolve.testing.PackagedService;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service as the design says it runs: stateless replicas on one PostgreSQL. One PostgreSQL 15 (its own
 * server process, on a temporary data directory) and two packaged services ({@code quarkus-run.jar}, each
 * its own JVM, production profile, both running their schedulers) pointed at it; the test sends requests
 * to both:
 *
 * <ul>
 *   <li>what happens on A (an argument, voting opening, ballots) reaches a live stream read from B: the
 *       events through PostgreSQL's NOTIFY (a stream reads events only when woken), the turnout by the
 *       stream's refresh; and turnout read from either replica agrees after every ballot on the other
 *       (the open turnout cache is keyed by the ledger head, which the other replica's ballot moves);
 *   <li>both schedulers race for proposals with the same deadlines; each proposal opens voting once and
 *       closes once (one ledger entry of each);
 *   <li>a closed proposal's result, tally document (JSON and CSV) and ledger export are byte-identical
 *       from either replica;
 *   <li>A is killed with SIGKILL under ballot load on both: every ballot either acknowledged is in the
 *       ledger afterwards, and B answered ballots after the kill.
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

    private static final int PG_PORT = Integer.getInteger("devolve.it.replicas.pg-port", 55632);
    private static final int[] PORTS = {
        Integer.getInteger("devolve.it.replicas.a-port", 18290),
        Integer.getInteger("devolve.it.replicas.a-management-port", 19291),
        Integer.getInteger("devolve.it.replicas.b-port", 18292),
        Integer.getInteger("devolve.it.replicas.b-management-port", 19293)
    };

    private static EmbeddedPostgres postgres;
    private static PackagedService a;
    private static PackagedService b;

    @BeforeAll
    static void onePostgresTwoServices() throws Exception {
        Path data = Files.createTempDirectory("devolve-replicas-pg-");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setPort(PG_PORT)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "120")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        Map<String, String> properties = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "devolve.rate-limits.enabled", "false",
                "devolve.deadlines.every", "1s"));
        // A migrates the empty database while B starts: both run Flyway, which serialises on its own lock
        a = PackagedService.start(properties, PORTS[0], PORTS[1]);
        b = PackagedService.start(properties, PORTS[2], PORTS[3]);
        assertTrue(a.awaitReady(Duration.ofSeconds(180)), a.logText());
        assertTrue(b.awaitReady(Duration.ofSeconds(180)), b.logText());
        // the fixtures (circles, proposals) talk to A
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = a.port;
    }

    @AfterAll
    static void stop() throws Exception {
        RestAssured.reset();
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static RequestSpecification on(PackagedService replica, People.Person person) {
        return person.request().baseUri("http://127.0.0.1").port(replica.port);
    }

    private static Map<String, Object> withoutInstant(JsonPath turnout) {
        Map<String, Object> map = new LinkedHashMap<>(turnout.getMap(""));
        map.remove("at");
        return map;
    }

    private static Map<String, Object> turnout(PackagedService replica, String proposal) {
        return withoutInstant(on(replica, CAROL)
                .get("/api/v1/proposals/" + proposal + "/turnout")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath());
    }

    private static String closedProposal;

    @Test
    @Order(1)
    void whatHappensOnAReachesALiveStreamOnBAndTurnoutAgrees() throws Exception {
        List<People.Person> voters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            voters.add(People.someone("replica"));
        }
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .facilitatedBy(CAROL)
                .withMembers(voters.toArray(People.Person[]::new))
                .inDeliberation();
        for (int i = 0; i < voters.size(); i++) {
            ProposalFixture.declare(voters.get(i), p, 0, 1 + i % 5);
        }
        String at = "/api/v1/proposals/" + p.id();
        try (EventStream stream = EventStream.open(b.url() + "/", CAROL, p.id(), null)) {
            assertEquals(200, stream.status(), stream.refusal());
            String argument = on(a, BOB)
                    .body(Map.of("side", "FOR", "body", "Posted on replica A"))
                    .post(at + "/arguments")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            stream.await("argument", argument);
            on(a, CAROL)
                    .body(Map.of("phase", "VOTING"))
                    .post(at + "/phase")
                    .then()
                    .statusCode(200);
            stream.await("phase", "\"to\":\"VOTING\"");

            // ballots alternately on A and B: after each, both replicas answer the same turnout
            for (int i = 0; i < voters.size(); i++) {
                PackagedService casting = i % 2 == 0 ? a : b;
                PackagedService reading = i % 2 == 0 ? b : a;
                on(casting, voters.get(i))
                        .body(Map.of("stance", i % 3 == 0 ? "AGAINST" : "FOR"))
                        .put(at + "/ballot")
                        .then()
                        .statusCode(201);
                Map<String, Object> seen = turnout(reading, p.id());
                assertEquals(i + 1, seen.get("voters"), "turnout on the other replica after ballot " + (i + 1));
                assertEquals(turnout(casting, p.id()), seen, "turnout on both replicas");
            }
            // the stream on B follows the turnout of ballots cast on A and B
            stream.await("turnout", "\"voters\":" + voters.size());
            on(b, CAROL)
                    .body(Map.of("phase", "CLOSED"))
                    .post(at + "/phase")
                    .then()
                    .statusCode(200);
            stream.await("phase", "\"to\":\"CLOSED\"");
        }
        assertEquals(turnout(a, p.id()), turnout(b, p.id()), "a closed proposal's turnout on both replicas");
        closedProposal = p.id();
    }

    @Test
    @Order(2)
    void resultsAndExportsAreByteIdenticalFromEitherReplica() {
        String at = "/api/v1/proposals/" + closedProposal;
        for (String path : List.of("/result", "/export.json", "/export.csv", "/ledger/export", "/ledger/verify")) {
            // A first, then B, then A again: neither replica's cache makes its answer differ
            Response first = on(a, CAROL).accept("*/*").get(at + path);
            Response other = on(b, CAROL).accept("*/*").get(at + path);
            Response again = on(a, CAROL).accept("*/*").get(at + path);
            assertEquals(200, first.statusCode(), path + ": " + first.asString());
            assertEquals(200, other.statusCode(), path + ": " + other.asString());
            assertTrue(first.asByteArray().length > 0, path);
            assertArrayEquals(first.asByteArray(), other.asByteArray(), path + " differs between the replicas");
            assertArrayEquals(first.asByteArray(), again.asByteArray(), path + " differs on A after B");
            assertEquals(first.header("ETag"), other.header("ETag"), path + ": ETag");
        }
        on(b, CAROL).get(at + "/ledger/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    @Order(3)
    void bothSchedulersRunYetEachProposalMovesOnceAtEachDeadline() throws Exception {
        int count = 8;
        String circle = null;
        List<String> proposals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ProposalFixture fixture = aProposal().by(BOB).facilitatedBy(CAROL);
            ProposalFixture.Made draft = (circle == null ? fixture : fixture.inCircle(circle)).draft();
            circle = draft.circle();
            proposals.add(draft.id());
        }
        // the same deadlines for all, so that both schedulers find them due on the same tick
        Instant deliberationEnds = Instant.now().plusSeconds(6 + count);
        Instant votingEnds = deliberationEnds.plusSeconds(4);
        for (int i = 0; i < count; i++) {
            PackagedService replica = i % 2 == 0 ? a : b;
            String at = "/api/v1/proposals/" + proposals.get(i);
            on(replica, BOB)
                    .body(Map.of(
                            "deliberationEndsAt", deliberationEnds.toString(), "votingEndsAt", votingEnds.toString()))
                    .put(at + "/deadlines")
                    .then()
                    .statusCode(200);
            on(replica, BOB)
                    .body(Map.of("phase", "DELIBERATION"))
                    .post(at + "/phase")
                    .then()
                    .statusCode(200);
        }
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<String> open = new ArrayList<>(proposals);
        while (!open.isEmpty() && System.nanoTime() < until) {
            open.removeIf(id -> "CLOSED"
                    .equals(on(b, CAROL)
                            .get("/api/v1/proposals/" + id)
                            .then()
                            .extract()
                            .path("phase")));
            Thread.sleep(500);
        }
        assertTrue(open.isEmpty(), "not closed by the schedulers: " + open);
        for (String id : proposals) {
            List<Map<String, Object>> entries = on(a, CAROL)
                    .queryParam("limit", 100)
                    .get("/api/v1/proposals/" + id + "/ledger")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items");
            Map<String, Integer> moves = new LinkedHashMap<>();
            for (Map<String, Object> e : entries) {
                if ("PHASE_CHANGED".equals(e.get("kind"))) {
                    JsonPath body = JsonPath.from((String) e.get("body"));
                    moves.merge(
                            body.getString("payload.to") + "/" + body.getString("payload.trigger"), 1, Integer::sum);
                }
            }
            assertEquals(
                    Map.of("DELIBERATION/MANUAL", 1, "VOTING/DEADLINE", 1, "CLOSED/DEADLINE", 1),
                    moves,
                    "phase entries of " + id);
            on(b, CAROL)
                    .get("/api/v1/proposals/" + id + "/ledger/verify")
                    .then()
                    .body("valid", equalTo(true));
        }
        System.out.printf("[replicas] %d proposals, each moved exactly once per deadline by two schedulers%n", count);
        // and neither replica failed along the way (its scheduler ran against a schema not yet migrated, once)
        for (PackagedService replica : List.of(a, b)) {
            List<String> errors = replica.logText()
                    .lines()
                    .filter(line -> line.contains(" ERROR "))
                    .toList();
            assertEquals(List.of(), errors, "errors in the log of the replica on port " + replica.port);
        }
    }

    private record Ack(String receipt, String replica) {}

    @Test
    @Order(4)
    void aKillOfOneReplicaUnderBallotLoadLosesNoAcknowledgedBallotAndTheOtherKeepsServing() throws Exception {
        int votersCount = 24;
        List<People.Person> voters = new ArrayList<>();
        Map<People.Person, Integer> stakes = new LinkedHashMap<>();
        for (int i = 0; i < votersCount; i++) {
            People.Person v = People.someone("killed");
            voters.add(v);
            stakes.put(v, 1 + i % 5);
        }
        ProposalFixture.Made p = aProposal()
                .by(CAROL)
                .facilitatedBy(CAROL)
                .withMembers(voters.toArray(People.Person[]::new))
                .inVotingWith(stakes);
        String ballot = "/api/v1/proposals/" + p.id() + "/ballot";
        Map<String, List<Ack>> acknowledged = new ConcurrentHashMap<>();
        AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger afterKillOnB = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        Map<String, AtomicInteger> afterKill = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> load = new ArrayList<>();
        int threads = 8;
        for (int t = 0; t < threads; t++) {
            List<People.Person> mine = new ArrayList<>();
            for (int i = t; i < votersCount; i += threads) {
                mine.add(voters.get(i));
            }
            Thread thread = new Thread(() -> {
                int n = 0;
                while (running.get()) {
                    People.Person v = mine.get(n % mine.size());
                    PackagedService replica = n % 2 == 0 ? a : b;
                    String stance = List.of("FOR", "AGAINST", "ABSTAIN").get((n / mine.size()) % 3);
                    n++;
                    sent.incrementAndGet();
                    try {
                        long startedAt = System.nanoTime();
                        Response r =
                                on(replica, v).body(Map.of("stance", stance)).put(ballot);
                        if (r.statusCode() == 201 || r.statusCode() == 200) {
                            String name = replica == a ? "A" : "B";
                            acknowledged
                                    .computeIfAbsent(v.username(), k -> new ArrayList<>())
                                    .add(new Ack(r.jsonPath().getString("receipt"), name));
                            if (replica == b && startedAt > killedAt.get()) {
                                afterKillOnB.incrementAndGet();
                            }
                        }
                    } catch (Exception connectionLost) { // RestAssured throws ConnectException unchecked
                        // sent to A as it died (or after): not acknowledged
                        if (replica == b) {
                            afterKill
                                    .computeIfAbsent(connectionLost.toString(), k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                }
            });
            thread.start();
            load.add(thread);
        }
        Thread.sleep(4_000);
        a.kill(); // SIGKILL under load
        killedAt.set(System.nanoTime());
        Thread.sleep(4_000);
        running.set(false);
        for (Thread thread : load) {
            thread.join(30_000);
        }
        int total = acknowledged.values().stream().mapToInt(List::size).sum();
        long onA = acknowledged.values().stream()
                .flatMap(List::stream)
                .filter(ack -> ack.replica().equals("A"))
                .count();
        assertTrue(onA > 10, "A acknowledged only " + onA + " ballots before the kill");
        assertTrue(
                afterKillOnB.get() > 10,
                "B acknowledged only " + afterKillOnB.get() + " ballots after A died: " + afterKill);
        assertEquals(200, b.readiness(), "B stays ready");

        String base = "/api/v1/proposals/" + p.id();
        int checked = 0;
        for (People.Person v : voters) {
            List<Ack> acks = acknowledged.getOrDefault(v.username(), List.of());
            if (acks.isEmpty()) {
                continue;
            }
            for (Ack ack : acks) {
                on(b, v).get(base + "/ledger/receipts/" + ack.receipt())
                        .then()
                        .statusCode(200)
                        .body("intact", equalTo(true));
                checked++;
            }
        }
        assertEquals(total, checked);
        on(b, CAROL).get(base + "/ledger/verify").then().statusCode(200).body("valid", equalTo(true));
        System.out.printf(
                "[replicas] %d ballots sent to A and B, %d acknowledged (%d by A before its kill -9, %d by B after"
                        + " it); every one found through B, the ledger valid%n",
                sent.get(), total, onA, afterKillOnB.get());
    }
}
