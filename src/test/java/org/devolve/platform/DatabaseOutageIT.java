package org.devolve.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.devolve.testing.PackagedService;
import org.devolve.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The packaged service against a standalone PostgreSQL 15 that the test stops and starts (a server process
 * of its own, on a data directory kept across restarts): started before its database, the service waits,
 * not ready, then migrates and becomes ready; during an outage every request gets 503 problem+json with
 * Retry-After, never another 5xx; readiness goes DOWN and UP again without a restart. Prints the figures.
 */
class DatabaseOutageIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    @Test
    void outagesAnswer503AndReadinessFollowsTheDatabase() throws Exception {
        Path data = Files.createTempDirectory("devolve-outage-pg-");
        int pgPort = PackagedService.freePort();
        String token = TestTokens.token("outage", "Outage Tester", List.of("member"));
        try (PackagedService service = PackagedService.start(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "devolve.database.startup-timeout", "3m",
                "devolve.rate-limits.enabled", "false"))) {
            // 1. started before its database: alive, not ready, the API answers 503
            long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (service.liveness() != 200 && System.nanoTime() < until) {
                assertTrue(service.alive(), "the service exited without its database:\n" + service.logText());
                Thread.sleep(200);
            }
            assertEquals(200, service.liveness(), service.logText());
            Thread.sleep(1500);
            assertTrue(service.alive(), service.logText());
            assertEquals(503, service.readiness(), "not ready without a database");
            HttpResponse<String> early = get(service, "/api/v1/me", token);
            assertEquals(503, early.statusCode(), early.body());
            assertProblem(early);

            // 2. the database comes up: migrated and ready, without a restart
            EmbeddedPostgres postgres = startPostgres(data, pgPort);
            long pgUp = System.nanoTime();
            long readyAfter = waitFor(service, 200, Duration.ofSeconds(60));
            System.out.printf(
                    "[outage] database started after the service: ready %d ms after PostgreSQL accepted%n",
                    (readyAfter - pgUp) / 1_000_000);
            assertEquals(200, get(service, "/api/v1/me", token).statusCode());

            // 3. an outage under load
            Map<Integer, AtomicInteger> statuses = new TreeMap<>();
            Map<String, AtomicInteger> bad = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sent = new AtomicInteger();
            Thread[] load = new Thread[4];
            for (int t = 0; t < load.length; t++) {
                boolean writes = t % 2 == 1;
                load[t] = new Thread(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> r = writes
                                    ? post(service, "/api/v1/notifications/read", token, "{\"ids\":[]}")
                                    : get(service, "/api/v1/me", token);
                            sent.incrementAndGet();
                            synchronized (statuses) {
                                statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                            if (r.statusCode() >= 500
                                    && (r.statusCode() != 503
                                            || !isProblem(r)
                                            || r.headers()
                                                    .firstValue("Retry-After")
                                                    .isEmpty())) {
                                bad.computeIfAbsent(r.statusCode() + " " + r.body(), k -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                        } catch (Exception e) {
                            bad.computeIfAbsent("no answer: " + e, k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                });
                load[t].start();
            }
            Thread.sleep(1000);
            postgres.close();
            long down = System.nanoTime();
            long downAfter = waitFor(service, 503, Duration.ofSeconds(10));
            Thread.sleep(5000);
            postgres = startPostgres(data, pgPort);
            long up = System.nanoTime();
            long upAfter = waitFor(service, 200, Duration.ofSeconds(30));
            long firstOk = -1;
            for (int i = 0; i < 200 && firstOk < 0; i++) {
                if (get(service, "/api/v1/me", token).statusCode() == 200) {
                    firstOk = System.nanoTime();
                } else {
                    Thread.sleep(50);
                }
            }
            Thread.sleep(1000);
            running.set(false);
            for (Thread t : load) {
                t.join();
            }
            postgres.close();
            System.out.printf(
                    "[outage] %d requests during a %d ms outage and around it: statuses %s%n",
                    sent.get(), (up - down) / 1_000_000, statuses);
            System.out.printf(
                    "[outage] readiness DOWN %d ms after PostgreSQL stopped; UP %d ms and requests "
                            + "succeeding %d ms after it accepted again%n",
                    (downAfter - down) / 1_000_000, (upAfter - up) / 1_000_000, (firstOk - up) / 1_000_000);
            assertTrue(bad.isEmpty(), "answers other than 2xx or 503 problem with Retry-After: " + bad);
            assertTrue(statuses.containsKey(503), "the outage was seen: " + statuses);
            assertTrue(firstOk > 0, "requests succeed again without a restart");
            assertTrue((downAfter - down) / 1_000_000 < 3000, "readiness DOWN quickly");
        }
    }

    private static long waitFor(PackagedService service, int readiness, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            if (service.readiness() == readiness) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("readiness never answered " + readiness + "\n" + service.logText());
    }

    private static boolean isProblem(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private static void assertProblem(HttpResponse<String> r) {
        assertTrue(isProblem(r), r.headers().map() + " " + r.body());
        assertTrue(r.headers().firstValue("Retry-After").isPresent(), "Retry-After");
    }

    private static HttpResponse<String> get(PackagedService service, String path, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(service.url() + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(PackagedService service, String path, String token, String json)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(service.url() + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
