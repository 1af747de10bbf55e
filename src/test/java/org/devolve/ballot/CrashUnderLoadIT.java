package org.devolve.ballot;

import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.devolve.testing.PackagedService;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged means durable: the packaged service is killed with SIGKILL while ballots pour in, and after a
 * restart on the same PostgreSQL every ballot it acknowledged (201 or 200) is there — the voter's current ballot or
 * an earlier one of their history, in the ledger under its receipt — and the ledger verifies.
 */
class CrashUnderLoadIT {

    private static final int VOTERS = 64;
    private static final int THREADS = 32;

    private record Ack(String receipt, String stance) {}

    @Test
    void aKillUnderBallotLoadLosesNoAcknowledgedBallot() throws Exception {
        Path data = Files.createTempDirectory("devolve-crash-pg-");
        int pgPort = PackagedService.freePort();
        Map<String, String> properties = Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "postgres",
                "devolve.rate-limits.enabled",
                "false");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setPort(pgPort)
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start()) {
            PackagedService first = PackagedService.start(properties);
            List<People.Person> voters = new ArrayList<>();
            ProposalFixture.Made p;
            Map<String, List<Ack>> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger sent = new AtomicInteger();
            try {
                assertTrue(first.awaitReady(Duration.ofSeconds(120)), first.logText());
                RestAssured.baseURI = "http://127.0.0.1";
                RestAssured.port = first.port;
                Map<People.Person, Integer> stakes = new LinkedHashMap<>();
                for (int i = 0; i < VOTERS; i++) {
                    People.Person v = People.someone("crash");
                    voters.add(v);
                    stakes.put(v, 1 + i % 5);
                }
                p = aProposal()
                        .by(CAROL)
                        .facilitatedBy(CAROL)
                        .withMembers(voters.toArray(People.Person[]::new))
                        .inVotingWith(stakes);
                String at = "/api/v1/proposals/" + p.id() + "/ballot";
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> load = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    List<People.Person> mine = new ArrayList<>();
                    for (int i = t; i < VOTERS; i += THREADS) {
                        mine.add(voters.get(i));
                    }
                    Thread thread = new Thread(() -> {
                        int n = 0;
                        while (running.get()) {
                            People.Person v = mine.get(n % mine.size());
                            String stance = List.of("FOR", "AGAINST", "ABSTAIN").get((n / mine.size()) % 3);
                            n++;
                            sent.incrementAndGet();
                            try {
                                var r = as(v).body(Map.of("stance", stance)).put(at);
                                if (r.statusCode() == 201 || r.statusCode() == 200) {
                                    acknowledged
                                            .computeIfAbsent(v.username(), k -> new ArrayList<>())
                                            .add(new Ack(r.jsonPath().getString("receipt"), stance));
                                }
                            } catch (RuntimeException connectionLost) {
                                // in flight when the process died: not acknowledged
                            }
                        }
                    });
                    thread.start();
                    load.add(thread);
                }
                Thread.sleep(4_000);
                first.kill(); // SIGKILL, under load
                running.set(false);
                for (Thread thread : load) {
                    thread.join(30_000);
                }
            } finally {
                first.close();
            }
            int total = acknowledged.values().stream().mapToInt(List::size).sum();
            assertTrue(total > 20, "the load acknowledged only " + total + " ballots before the kill");

            try (PackagedService second = PackagedService.start(properties)) {
                assertTrue(second.awaitReady(Duration.ofSeconds(120)), second.logText());
                RestAssured.port = second.port;
                String base = "/api/v1/proposals/" + p.id();
                int checked = 0;
                for (People.Person v : voters) {
                    List<Ack> acks = acknowledged.getOrDefault(v.username(), List.of());
                    if (acks.isEmpty()) {
                        continue;
                    }
                    List<String> history = as(v).queryParam("limit", 100)
                            .get(base + "/ballot/history")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("items.receipt");
                    for (Ack ack : acks) {
                        assertTrue(history.contains(ack.receipt()), v.username() + " lost an acknowledged ballot");
                        as(v).get(base + "/ledger/receipts/" + ack.receipt())
                                .then()
                                .statusCode(200)
                                .body("intact", equalTo(true));
                        checked++;
                    }
                    Ack last = acks.get(acks.size() - 1);
                    String current = as(v).get(base + "/ballot")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("receipt");
                    assertTrue(
                            history.indexOf(current) >= history.indexOf(last.receipt()),
                            "the current ballot of " + v.username() + " is older than the last one acknowledged");
                }
                assertEquals(total, checked);
                as(CAROL).get(base + "/ledger/verify").then().statusCode(200).body("valid", equalTo(true));
                System.out.printf(
                        "[crash] %d ballots sent, %d acknowledged before kill -9; all %d found after the "
                                + "restart, the ledger valid%n",
                        sent.get(), total, checked);
            }
        } finally {
            RestAssured.reset();
        }
    }
}
