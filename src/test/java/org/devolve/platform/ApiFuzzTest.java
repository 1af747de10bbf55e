package org.devolve.platform;

import static io.restassured.RestAssured.given;
import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.ERIN;
import static org.devolve.testing.People.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.devolve.testing.CircleFixture;
import org.devolve.testing.Outboxes;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.devolve.testing.RawHttp;
import org.devolve.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz test of every operation in {@code openapi.yaml}, as real signed users against real objects
 * (a circle and proposals in every phase): malformed bodies, wrong types, NULs, huge numbers, odd instants,
 * forged cursors, odd path ids, unlisted methods. It fails on any 5xx, on any error whose body is not a
 * problem (or leaks a class name or SQL), and on any change of the database by a refused write (a digest of
 * every table's rows before and after it). Then it measures the heap after the run and under 32 concurrent
 * 4 MB chunked bodies (figures printed; docs/performance.md).
 *
 * <p>{@code -Dfuzz.seed=...} and {@code -Dfuzz.requests=...} change the run.
 */
@QuarkusTest
class ApiFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_202L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL root;

    private final Random random = new Random(SEED);
    private JsonNode schemas;
    private final Map<String, List<String>> ids = new LinkedHashMap<>();

    record Operation(String method, String path, List<JsonNode> parameters, JsonNode body, boolean stream) {}

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @Test
    void everyOperationHoldsUnderFuzzing() throws Exception {
        // the closing-soon announcement is the clock's work, not a request's: it would write between two digests
        scheduler.pause("devolve-closing-soon");
        try {
            fuzz();
        } finally {
            scheduler.resume("devolve-closing-soon");
        }
    }

    private void fuzz() throws Exception {
        JsonNode contract = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("openapi.yaml").toFile());
        schemas = contract.path("components").path("schemas");
        List<Operation> operations = operations(contract);
        objects();

        long heapBefore = usedHeap();
        Map<String, AtomicInteger> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int refusedWrites = 0;
        String digest = digest();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            Operation op = operations.get(random.nextInt(operations.size()));
            String method = random.nextInt(20) == 0
                    ? pick("PATCH", "OPTIONS", "TRACE", "HEAD", "FOO", "DELETE")
                    : op.method().toUpperCase();
            if (op.stream() && method.equals("GET")) {
                method = "POST";
            }
            String target = path(op) + query(op);
            boolean raw = random.nextInt(12) == 0;
            Response response;
            String sent;
            if (raw) {
                byte[] bytes = rawBody();
                sent = method + " " + target + " raw "
                        + new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.ISO_8859_1);
                response = user().body(bytes).request(method, target);
            } else {
                String body = op.body() == null && random.nextInt(3) > 0 ? null : body(op);
                sent = method + " " + target + " "
                        + (body == null ? "" : body.substring(0, Math.min(body.length(), 300)));
                RequestSpecification request = user();
                if (body != null) {
                    request.body(body.getBytes(StandardCharsets.UTF_8));
                }
                response = request.request(method, target);
            }
            int status = response.statusCode();
            statuses.computeIfAbsent(status / 100 + "xx", s -> new AtomicInteger())
                    .incrementAndGet();
            String problem = check(method, status, response);
            if (problem != null) {
                failures.add(problem + " <- " + sent);
                continue;
            }
            boolean write = !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(method);
            if (write && status >= 400) {
                refusedWrites++;
                String after = digest();
                if (!after.equals(digest)) {
                    failures.add("a refused write (" + status + ") changed the database <- " + sent);
                    digest = settled();
                }
            } else if (write) {
                digest = settled();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long heapAfter = usedHeap();
        System.out.printf(
                "[fuzz] seed %d: %d requests over %d operations in %d ms, %s; %d refused writes checked "
                        + "against the database digest; %d failures%n",
                SEED, REQUESTS, operations.size(), millis, statuses, refusedWrites, failures.size());
        System.out.printf(
                "[fuzz] heap used after GC: %d MB before the run, %d MB after%n", heapBefore >> 20, heapAfter >> 20);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        largeChunkedBodies();
    }

    /** 32 concurrent chunked bodies of 4 MB each: all refused with 413 problem, the heap stays flat. */
    private void largeChunkedBodies() throws Exception {
        long before = usedHeap();
        AtomicInteger refused = new AtomicInteger();
        long[] peak = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Runtime r = Runtime.getRuntime();
                peak[0] = Math.max(peak[0], r.totalMemory() - r.freeMemory());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        Thread[] senders = new Thread[32];
        String chunk = "x".repeat(64 * 1024);
        StringBuilder request = new StringBuilder("POST /api/v1/circles HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + ALICE.token() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 64; i++) {
            request.append(Integer.toHexString(chunk.length()))
                    .append("\r\n")
                    .append(chunk)
                    .append("\r\n");
        }
        request.append("0\r\n\r\n");
        byte[] bytes = request.toString().getBytes(StandardCharsets.ISO_8859_1);
        for (int t = 0; t < senders.length; t++) {
            senders[t] = new Thread(() -> {
                RawHttp.Answer answer = RawHttp.send(root.getPort(), bytes);
                if (answer.status() == 413 && answer.isProblem()) {
                    refused.incrementAndGet();
                }
            });
            senders[t].start();
        }
        for (Thread t : senders) {
            t.join();
        }
        sampler.interrupt();
        sampler.join();
        long after = usedHeap();
        System.out.printf(
                "[fuzz] 32 concurrent 4 MB chunked bodies: %d answered 413 problem; heap used %d MB "
                        + "before, peak %d MB during (before GC), %d MB after GC%n",
                refused.get(), before >> 20, peak[0] >> 20, after >> 20);
        assertTrue(refused.get() == 32, "every oversized chunked body is refused with a problem");
    }

    // ------------------------------------------------------------------ the contract

    private static List<Operation> operations(JsonNode contract) {
        List<Operation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>();
                op.path("parameters").forEach(parameters::add);
                JsonNode body = op.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                boolean stream =
                        op.path("responses").path("200").path("content").has("text/event-stream");
                out.add(new Operation(method, path.getKey(), parameters, body.isMissingNode() ? null : body, stream));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ real objects

    private void objects() {
        for (People.Person p : List.of(ALICE, BOB, CAROL, DAVE, ERIN)) {
            add("member", CircleFixture.idOf(p));
        }
        String circle = CircleFixture.aCircle("Fuzzed")
                .facilitatedBy(BOB)
                .withMembers(CAROL, DAVE, ERIN)
                .create();
        add("circle", circle);
        add("circle", CircleFixture.aCircle("Fuzzed other").create());
        List<ProposalFixture.Made> made = new ArrayList<>();
        made.add(ProposalFixture.aProposal()
                .inCircle(circle)
                .by(BOB)
                .facilitatedBy(BOB)
                .draft());
        made.add(ProposalFixture.aProposal()
                .inCircle(circle)
                .by(BOB)
                .facilitatedBy(BOB)
                .inDeliberation());
        made.add(ProposalFixture.aProposal()
                .inCircle(circle)
                .by(BOB)
                .facilitatedBy(BOB)
                .choosingBetween("SPLIT", "A", "B", "C")
                .inVotingWith(Map.of(CAROL, 3, DAVE, 2)));
        made.add(ProposalFixture.aProposal()
                .inCircle(circle)
                .by(BOB)
                .facilitatedBy(BOB)
                .secret()
                .inVotingWith(Map.of(CAROL, 4, ERIN, 1)));
        ProposalFixture.Made closing = ProposalFixture.aProposal()
                .inCircle(circle)
                .by(BOB)
                .facilitatedBy(BOB)
                .inVotingWith(Map.of(CAROL, 3, DAVE, 3));
        as(CAROL).body(Map.of("stance", "FOR")).put("/api/v1/proposals/" + closing.id() + "/ballot");
        as(BOB).body(Map.of("phase", "CLOSED")).post("/api/v1/proposals/" + closing.id() + "/phase");
        made.add(closing);
        for (ProposalFixture.Made p : made) {
            add("proposal", p.id());
            p.groups().forEach(g -> add("group", g));
            List<String> stakes = as(BOB).get("/api/v1/proposals/" + p.id() + "/stakes")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("items.id");
            if (stakes != null) {
                stakes.forEach(s -> add("stake", s));
            }
            io.restassured.response.Response argued = as(CAROL)
                    .body(Map.of("side", "FOR", "body", "An argument to edit"))
                    .post("/api/v1/proposals/" + p.id() + "/arguments");
            if (argued.statusCode() == 201) {
                add("argument", argued.jsonPath().getString("id"));
            }
        }
    }

    private void add(String kind, String id) {
        if (id != null) {
            ids.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
        }
    }

    // ------------------------------------------------------------------ requests

    private RequestSpecification user() {
        int who = random.nextInt(20);
        RequestSpecification spec = given().urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .contentType(
                        random.nextInt(25) == 0
                                ? pick("text/plain", "application/xml", "application/json; charset=latin1")
                                : "application/json")
                .accept(random.nextInt(30) == 0 ? "text/html" : "application/json");
        if (who == 0) {
            return spec;
        }
        if (who == 1) {
            return spec.auth().oauth2(TestTokens.token("norole", "No Role", List.of("offline_access")));
        }
        if (who == 2) {
            return spec.auth().oauth2(TestTokens.forged("alice"));
        }
        People.Person person =
                List.of(ALICE, BOB, BOB, CAROL, CAROL, DAVE, ERIN).get(random.nextInt(7));
        return spec.auth().oauth2(person.token());
    }

    private String path(Operation op) {
        StringBuilder out = new StringBuilder();
        for (String segment : op.path().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            out.append('/');
            if (segment.startsWith("{")) {
                out.append(pathId(segment.substring(1, segment.length() - 1)));
            } else {
                out.append(segment);
            }
        }
        return out.toString();
    }

    private String pathId(String name) {
        if (random.nextInt(6) == 0) {
            return pick(
                    "%00",
                    "abc",
                    "-1",
                    "00000000-0000-0000-0000-000000000000",
                    "%2e%2e",
                    "x".repeat(300),
                    "%C0%AF",
                    "%F0%9F%98%80",
                    UUID.randomUUID() + "%00",
                    "%25",
                    "1e9",
                    "null",
                    "%20",
                    UUID.randomUUID().toString().toUpperCase());
        }
        String kind = switch (name) {
            case "proposal" -> "proposal";
            case "circle", "parent" -> "circle";
            case "member", "id" -> "member";
            case "group" -> "group";
            case "stake" -> "stake";
            case "argument" -> "argument";
            default -> "none";
        };
        List<String> known = ids.getOrDefault(kind, List.of());
        if (known.isEmpty() || random.nextInt(8) == 0) {
            return UUID.randomUUID().toString();
        }
        return known.get(random.nextInt(known.size()));
    }

    private String query(Operation op) {
        List<String> parts = new ArrayList<>();
        for (JsonNode p : op.parameters()) {
            if (!"query".equals(p.path("in").asText()) || random.nextInt(3) == 0) {
                continue;
            }
            parts.add(p.path("name").asText() + "=" + queryValue(p.path("name").asText(), p.path("schema")));
        }
        if (random.nextInt(15) == 0) {
            parts.add("unknown=" + encode("x\u0000"));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private String queryValue(String name, JsonNode schema) {
        if (name.equals("cursor")) {
            return pick(
                    cursor("2026-01-01T00:00:00Z"),
                    cursor("-4714-11-23T00:00:00Z"),
                    cursor("+300000-01-01T00:00:00Z"),
                    cursor("a\u0000b"),
                    cursor("zz"),
                    "%00",
                    "not-base64!",
                    "AAAA",
                    encode("1:" + "x".repeat(40)),
                    Base64.getUrlEncoder().encodeToString(new byte[] {'1', ':', (byte) 0xC0, (byte) 0xAF}));
        }
        if (name.equals("limit") || name.equals("after")) {
            return pick("1", "20", "0", "-1", "abc", "1e3", "99999999999999999999", "2.5", "%00", "");
        }
        if (schema.has("enum") && random.nextBoolean()) {
            JsonNode values = schema.get("enum");
            return encode(values.get(random.nextInt(values.size())).asText());
        }
        return encode(text());
    }

    private String cursor(String key) {
        String raw = "1:" + UUID.randomUUID() + ":" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private String body(Operation op) {
        JsonNode schema = op.body() == null ? NODES.objectNode() : op.body();
        JsonNode value = generate(schema, 0);
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            value = mutate(value, 0);
        }
        return value.toString();
    }

    private byte[] rawBody() {
        return switch (random.nextInt(9)) {
            case 0 -> new byte[0];
            case 1 -> "{\"name\": \"a".getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
            case 3 -> new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
            case 4 -> ("[".repeat(3000) + "]".repeat(3000)).getBytes(StandardCharsets.UTF_8);
            case 5 -> "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
            case 6 -> "{} {}".getBytes(StandardCharsets.UTF_8);
            case 7 -> ("{\"x\":\"" + "y".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            default -> "not json at all \u0000".getBytes(StandardCharsets.UTF_8);
        };
    }

    private JsonNode generate(JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return depth > 6 ? NODES.nullNode() : generate(schemas.path(name), depth + 1);
        }
        if (schema.has("allOf")) {
            return generate(schema.get("allOf").get(0), depth + 1);
        }
        if (schema.has("oneOf")) {
            return generate(schema.get("oneOf").get(0), depth + 1);
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode out = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> properties =
                        schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> p = properties.next();
                    if (random.nextInt(10) < 7) {
                        out.set(p.getKey(), generate(p.getValue(), depth + 1));
                    }
                }
                if (schema.has("additionalProperties")
                        && schema.get("additionalProperties").isObject()) {
                    for (int i = 0; i < random.nextInt(3); i++) {
                        out.set(
                                Integer.toString(random.nextInt(4)),
                                generate(schema.get("additionalProperties"), depth + 1));
                    }
                }
                return out;
            }
            case "array": {
                ArrayNode out = NODES.arrayNode();
                for (int i = 0; i < random.nextInt(4); i++) {
                    out.add(generate(schema.path("items"), depth + 1));
                }
                return out;
            }
            case "integer":
                return NODES.numberNode(random.nextInt(6));
            case "number":
                return NODES.numberNode(random.nextInt(100) + 0.5);
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            default:
                String format = schema.path("format").asText("");
                if (format.equals("uuid")) {
                    List<String> all = new ArrayList<>();
                    ids.values().forEach(all::addAll);
                    return NODES.textNode(
                            all.isEmpty() || random.nextInt(5) == 0
                                    ? UUID.randomUUID().toString()
                                    : all.get(random.nextInt(all.size())));
                }
                if (format.equals("date-time")) {
                    return NODES.textNode(Instant.now()
                            .plus(10 + random.nextInt(30), ChronoUnit.DAYS)
                            .toString());
                }
                return NODES.textNode(text());
        }
    }

    private JsonNode mutate(JsonNode node, int depth) {
        if (node.isObject() && node.size() > 0 && random.nextInt(4) > 0 && depth < 5) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(6)) {
                case 0 -> object.remove(name);
                case 1 -> object.put("unexpected" + random.nextInt(3), "x");
                default -> object.set(name, mutate(object.get(name), depth + 1));
            }
            return object;
        }
        if (node.isArray() && node.size() > 0 && random.nextBoolean() && depth < 5) {
            int i = random.nextInt(node.size());
            ((ArrayNode) node).set(i, mutate(node.get(i), depth + 1));
            return node;
        }
        return switch (random.nextInt(16)) {
            case 0 -> NODES.textNode("a\u0000b");
            case 1 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 2 -> NODES.numberNode(new java.math.BigInteger("99999999999999999999999"));
            case 3 -> NODES.numberNode(2.9999);
            case 4 -> NODES.numberNode(-1);
            case 5 -> NODES.textNode("2");
            case 6 -> NODES.booleanNode(true);
            case 7 -> NODES.nullNode();
            case 8 -> NODES.arrayNode();
            case 9 -> NODES.objectNode();
            case 10 ->
                NODES.textNode(pick(
                        "-4714-11-23T00:00:00Z",
                        "+300000-01-01T00:00:00Z",
                        "1969-12-31T23:59:59Z",
                        "2026-02-30T00:00:00Z",
                        "2026-12-01T18:00:00+25:00",
                        "9999-12-31T23:59:59.9999999Z"));
            case 11 -> NODES.textNode("\ud800 lone");
            case 12 -> NODES.textNode("x".repeat(random.nextInt(60_000)));
            case 13 -> NODES.numberNode(1);
            case 14 -> NODES.textNode("=HYPERLINK(\"http://x\")");
            default -> NODES.textNode(UUID.randomUUID().toString());
        };
    }

    private String text() {
        return pick(
                "hello",
                "",
                " ",
                "a\u0000b",
                "50%_off",
                "\\",
                "'; drop table member; --",
                "Ω≈ç√",
                "😀",
                "x".repeat(120),
                "\u202e",
                "null");
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ checks

    /** Why this answer is wrong, or null. */
    private static String check(String method, int status, Response response) {
        if (status >= 500) {
            return status + " " + response.asString();
        }
        if (status < 400 || method.equals("HEAD")) {
            return null;
        }
        String type = response.contentType();
        String body = response.asString();
        if (type == null || !type.startsWith("application/problem+json")) {
            return status + " without problem+json (" + type + "): " + body;
        }
        try {
            JsonNode problem = new ObjectMapper().readTree(body);
            if (problem.path("status").asInt() != status
                    || !problem.path("type").asText().startsWith("/problems/")) {
                return status + " with a problem that does not say so: " + body;
            }
        } catch (Exception e) {
            return status + " with a body that is not JSON: " + body;
        }
        if (body.contains("org.devolve")
                || body.contains("Exception")
                || body.contains("SQL")
                || body.contains("at org.")
                || body.contains("java.")) {
            return status + " leaks internals: " + body;
        }
        return null;
    }

    /** A digest of every table's rows: equal before and after a request that changed nothing. */
    private String digest() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' "
                    + "and table_name <> 'flyway_schema_history' order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            StringBuilder sql = new StringBuilder();
            for (String t : tables) {
                if (sql.length() > 0) {
                    sql.append(" union all ");
                }
                sql.append("select '")
                        .append(t)
                        .append("', count(*), coalesce(md5(string_agg(md5(x::text), '' order by "
                                + "md5(x::text))), '') from \"")
                        .append(t)
                        .append("\" x");
            }
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    out.append(rs.getString(1))
                            .append('=')
                            .append(rs.getLong(2))
                            .append(':')
                            .append(rs.getString(3))
                            .append(';');
                }
            }
            return out.toString();
        }
    }

    /** The digest once work that follows a successful write (if any) has finished. */
    private String settled() throws Exception {
        // what a write leaves to the outbox (notifications) is done now, not at the worker's next tick
        Outboxes.drain();
        String last = digest();
        for (int i = 0; i < 30; i++) {
            Thread.sleep(100);
            String now = digest();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
