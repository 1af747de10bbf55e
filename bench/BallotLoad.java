import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ballots over HTTP with real Keycloak tokens, on one proposal: the load half of the service benchmark
 * (bench/service-bench.sh). JDK only; run with {@code java bench/BallotLoad.java --api URL --keycloak URL}.
 *
 * <p>It creates bench users in the dev realm (admin REST API), a circle with them, and two APPROVE_REJECT
 * proposals in VOTING where every user declared a stake: the first takes the HTTP load, the second is left
 * for pgbench's equivalent transaction. Then {@code --clients} threads cast ballots for {@code --seconds}
 * after a warm-up; every request changes the voter's ballot (FOR and AGAINST alternate), so each one is a
 * new ballot, an update of the previous one and a ledger append. It prints throughput and latency
 * percentiles, and the ids pgbench needs, as {@code key=value} lines.
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

        run(loaded, tokens, clients, warmup, false);
        Result r = run(loaded, tokens, clients, seconds, true);
        System.out.printf(
                "clients=%d%nseconds=%d%nrequests=%d%nerrors=%d%nballots_per_second=%.1f%n",
                clients, seconds, r.count, r.errors, r.count / (double) seconds);
        System.out.printf(
                "p50_ms=%.1f%np95_ms=%.1f%np99_ms=%.1f%nmax_ms=%.1f%n", r.pct(50), r.pct(95), r.pct(99), r.pct(100));
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

    record Result(long count, long errors, long[] latencies) {
        double pct(int p) {
            if (latencies.length == 0) {
                return 0;
            }
            int i = (int) Math.min(latencies.length - 1, Math.ceil(p / 100.0 * latencies.length) - 1);
            return latencies[Math.max(0, i)] / 1e6;
        }
    }

    /** Per voter, how many ballots they cast: their next ballot is the other stance, so it always changes. */
    static java.util.concurrent.atomic.AtomicIntegerArray cast;

    static Result run(String proposal, String[] tokens, int clients, int seconds, boolean measure) throws Exception {
        if (cast == null) {
            cast = new java.util.concurrent.atomic.AtomicIntegerArray(tokens.length);
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            long[] lat = new long[2_000_000];
            perThread.add(lat);
            Thread t = new Thread(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < end) {
                        for (int u = client; u < tokens.length && System.nanoTime() < end; u += clients) {
                            String stance = cast.getAndIncrement(u) % 2 == 0 ? "FOR" : "AGAINST";
                            long start = System.nanoTime();
                            HttpResponse<String> r = HTTP.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(api + "/api/v1/proposals/" + proposal + "/ballot"))
                                            .timeout(Duration.ofSeconds(30))
                                            .header("Authorization", "Bearer " + tokens[u])
                                            .header("Content-Type", "application/json")
                                            .PUT(HttpRequest.BodyPublishers.ofString("{\"stance\":\"" + stance + "\"}"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            long took = System.nanoTime() - start;
                            if (r.statusCode() != 201) {
                                if (errors.incrementAndGet() <= 3) {
                                    System.err.println("unexpected " + r.statusCode() + ": " + r.body());
                                }
                            } else if (n < lat.length) {
                                lat[n++] = took;
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    counts[client] = n;
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perThread.get(c), 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), all);
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
