import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ballots over HTTP with real Keycloak tokens, on one proposal, <em>open loop</em>: the load half of the service
 * benchmark (bench/service-bench.sh). Run with HdrHistogram 2.2.2 on the class path:
 * {@code java -cp HdrHistogram-2.2.2.jar bench/BallotLoad.java --api URL --keycloak URL --rates 500,1000,2000}.
 *
 * <p>It creates bench users in the dev realm (admin REST API), a circle with them, and two APPROVE_REJECT
 * proposals in VOTING where every user declared a stake: the first takes the HTTP load, the second is left
 * for pgbench's equivalent transaction. Then, for each rate of {@code --rates}, it sends ballots at that fixed
 * arrival rate for {@code --seconds} after a warm-up, on at most {@code --clients} connections at once. Request i is
 * due at {@code start + i / rate}, whether or not earlier ones have been answered; its latency is measured from that
 * intended time, not from when it could be sent (a request that waits for a free connection counts its wait): a
 * closed-loop client, which sends only after an answer, lets a slow server slow the client and hides the queueing
 * (coordinated omission). Voters take turns and each voter's ballots alternate FOR and AGAINST, so nearly every
 * one is a new ballot, the retirement of the previous one and a ledger append (a voter whose two ballots are in
 * flight at once may get 200, same as current). Prints {@code key=value} lines per rate and the HdrHistogram
 * percentile distribution to {@code --histograms DIR} if given.
 */
public class BallotLoad {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static String api;
    static String keycloak;

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        api = opt.getOrDefault("api", "http://127.0.0.1:8080");
        keycloak = opt.getOrDefault("keycloak", "http://127.0.0.1:8180");
        int users = Integer.parseInt(opt.getOrDefault("users", "64"));
        int clients = Integer.parseInt(opt.getOrDefault("clients", "16"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));

        String admin =
                token("master", "admin-cli", "admin", System.getenv().getOrDefault("KC_ADMIN_PASSWORD", "admin-dev"));
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= users; i++) {
            String name = String.format("bench-%03d", i);
            names.add(name);
            send(
                    "POST",
                    keycloak + "/admin/realms/devolve/users",
                    admin,
                    "{\"username\":\"" + name
                            + "\",\"enabled\":true,\"emailVerified\":true,\"firstName\":\"Bench\",\"lastName\":\""
                            + name
                            + "\",\"email\":\"" + name
                            + "@bench.devolve.example\",\"credentials\":[{\"type\":\"password\","
                            + "\"value\":\"" + name + "-dev\",\"temporary\":false}]}",
                    201,
                    409);
        }
        String alice = token("devolve", "devolve-cli", "alice", "alice-dev");
        String[] tokens = new String[users];
        String[] ids = new String[users];
        for (int i = 0; i < users; i++) {
            tokens[i] = token("devolve", "devolve-cli", names.get(i), names.get(i) + "-dev");
            ids[i] = field(send("GET", api + "/api/v1/me", tokens[i], null, 200), "id");
        }
        String circle = field(
                send(
                        "POST",
                        api + "/api/v1/circles",
                        alice,
                        "{\"name\":\"Bench " + System.nanoTime() + "\",\"kind\":\"OTHER\"}",
                        201),
                "id");
        for (int i = 0; i < users; i++) {
            send(
                    "PUT",
                    api + "/api/v1/circles/" + circle + "/members/" + ids[i],
                    alice,
                    "{\"role\":\"" + (i == 0 ? "FACILITATOR" : "MEMBER") + "\"}",
                    201);
        }
        String loaded = proposalInVoting(circle, tokens);
        String spare = proposalInVoting(circle, tokens);
        System.out.println("proposal=" + loaded);
        System.out.println("pgbench_proposal=" + spare);

        String[] rates = opt.getOrDefault("rates", "1000").split(",");
        String histograms = opt.get("histograms");
        for (String rate : rates) {
            double perSecond = Double.parseDouble(rate);
            openLoop(loaded, tokens, clients, perSecond, warmup, null);
            org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(60_000_000_000L, 3);
            Result r = openLoop(loaded, tokens, clients, perSecond, seconds, h);
            System.out.printf(
                    "rate=%.0f clients=%d seconds=%d sent=%d missed=%d acknowledged=%d new=%d errors=%d late_sends=%d "
                            + "ballots_per_second=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f p999_ms=%.1f max_ms=%.1f%n",
                    perSecond,
                    clients,
                    seconds,
                    r.sent,
                    r.missed,
                    r.acknowledged,
                    r.created,
                    r.errors,
                    r.late,
                    r.acknowledged / r.elapsed,
                    ms(h, 50),
                    ms(h, 90),
                    ms(h, 99),
                    ms(h, 99.9),
                    h.getMaxValue() / 1e6);
            if (histograms != null) {
                try (java.io.PrintStream out = new java.io.PrintStream(
                        histograms + "/ballots-" + (long) perSecond + ".hgrm", StandardCharsets.UTF_8)) {
                    h.outputPercentileDistribution(out, 1e6);
                }
            }
        }
    }

    static double ms(org.HdrHistogram.Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }

    static String proposalInVoting(String circle, String[] tokens) throws Exception {
        String id = field(
                send(
                        "POST",
                        api + "/api/v1/circles/" + circle + "/proposals",
                        tokens[0],
                        "{\"title\":\"Bench ballots\",\"method\":\"APPROVE_REJECT\",\"weighting\":{\"policy\":\"LINEAR\"},"
                                + "\"affectedGroups\":[{\"name\":\"Everyone\",\"suggestedLevel\":5}]}",
                        201),
                "id");
        send("POST", api + "/api/v1/proposals/" + id + "/phase", tokens[0], "{\"phase\":\"DELIBERATION\"}", 200);
        String detail = send("GET", api + "/api/v1/proposals/" + id, tokens[0], null, 200);
        Matcher g =
                Pattern.compile("\"affectedGroups\":\\[\\{\"id\":\"([^\"]+)\"").matcher(detail);
        if (!g.find()) {
            throw new IllegalStateException("no group in " + detail);
        }
        for (int i = 0; i < tokens.length; i++) {
            send(
                    "PUT",
                    api + "/api/v1/proposals/" + id + "/stakes/mine",
                    tokens[i],
                    "{\"groupId\":\"" + g.group(1) + "\",\"level\":" + (1 + i % 5) + "}",
                    200);
        }
        send("POST", api + "/api/v1/proposals/" + id + "/phase", tokens[0], "{\"phase\":\"VOTING\"}", 200);
        return id;
    }

    /** {@code elapsed}: from the first intended send to the last answer (at least the window), in seconds. */
    record Result(long sent, long missed, long acknowledged, long created, long errors, long late, double elapsed) {}

    /** Per voter, how many ballots were sent: the next one is the other stance, so it changes the ballot. */
    static java.util.concurrent.atomic.AtomicIntegerArray cast;

    /**
     * Sends at a fixed arrival rate for {@code seconds}; with a histogram, records each answer's latency from its
     * intended send time, and waits for the last answers before returning.
     */
    static Result openLoop(
            String proposal, String[] tokens, int clients, double rate, int seconds, org.HdrHistogram.Histogram h)
            throws Exception {
        if (cast == null) {
            cast = new java.util.concurrent.atomic.AtomicIntegerArray(tokens.length);
        }
        java.util.concurrent.Semaphore connections = new java.util.concurrent.Semaphore(clients);
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong created = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong last = new AtomicLong();
        long late = 0;
        URI uri = URI.create(api + "/api/v1/proposals/" + proposal + "/ballot");
        long total = (long) (rate * seconds);
        double period = 1e9 / rate;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long missed = 0;
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * period);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            // A full set of connections delays the send; the latency still counts from the intended time. A request
            // that could not be sent before the window closed is counted as missed, with the latency it had reached
            // (a lower bound), so that a saturated run ends on time and still shows its queue.
            long left = end - System.nanoTime();
            if (left <= 0 || !connections.tryAcquire(left, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                long now = System.nanoTime();
                for (long j = i; j < total; j++) {
                    long due = start + (long) (j * period);
                    if (h != null && now > due) {
                        synchronized (h) {
                            h.recordValue(Math.min(now - due, h.getHighestTrackableValue()));
                        }
                    }
                }
                missed = total - i;
                break;
            }
            if (System.nanoTime() - intended > 1_000_000) {
                late++;
            }
            int u = (int) (i % tokens.length);
            String stance = cast.getAndIncrement(u) % 2 == 0 ? "FOR" : "AGAINST";
            HTTP.sendAsync(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + tokens[u])
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString("{\"stance\":\"" + stance + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, failure) -> {
                        long answered = System.nanoTime();
                        long took = answered - intended;
                        last.accumulateAndGet(answered, Math::max);
                        connections.release();
                        if (failure == null && (r.statusCode() == 201 || r.statusCode() == 200)) {
                            acknowledged.incrementAndGet();
                            if (r.statusCode() == 201) {
                                created.incrementAndGet();
                            }
                            if (h != null) {
                                synchronized (h) {
                                    h.recordValue(Math.min(took, h.getHighestTrackableValue()));
                                }
                            }
                        } else if (errors.incrementAndGet() <= 3) {
                            System.err.println(
                                    "unexpected " + (failure != null ? failure : r.statusCode() + ": " + r.body()));
                        }
                    });
        }
        connections.acquire(clients); // every answer is in
        connections.release(clients);
        double elapsed = (Math.max(last.get(), end) - start) / 1e9;
        return new Result(total - missed, missed, acknowledged.get(), created.get(), errors.get(), late, elapsed);
    }

    static String token(String realm, String client, String user, String password) throws Exception {
        String form =
                "grant_type=password&client_id=" + client + "&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token for " + user + ": " + r.statusCode() + " " + r.body());
        }
        return field(r.body(), "access_token");
    }

    static String send(String method, String url, String token, String body, int... ok) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (int s : ok) {
            if (r.statusCode() == s) {
                return r.body();
            }
        }
        throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            out.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return out;
    }
}
