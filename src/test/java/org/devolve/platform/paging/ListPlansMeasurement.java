package org.devolve.platform.paging;

import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.devolve.testing.CircleFixture;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * Not a test of the default run (Surefire does not pick it up; filling the tables takes minutes): every list of
 * the API at a million rows. It fills each listed table with {@code plans.rows} rows (1,000,000 by default)
 * under the one parent a list shows (the worst case for paging: a circle of a million members, a proposal of a
 * million declarations, ballots, arguments, challenges and ledger entries, a member with a million
 * notifications, a million circles, members and proposals), straight in the database with
 * {@code generate_series}, then asks each list endpoint over HTTP for its first page and the page after, with
 * PostgreSQL's {@code auto_explain} (preloaded in every session, see {@link AutoExplain}) logging the plan of every
 * statement the service runs meanwhile (actual rows, as JSON) to the server's log file, which the test reads.
 * It fails on a sequential scan of a filled table, on a sort of more than {@value #MAX_SORTED} rows, and on any
 * node reading more than {@value #MAX_READ} rows: a page must cost what a page costs, whatever the table holds.
 * Prints each endpoint's time.
 *
 * <pre>{@code mvn -B -Dui.skip test -Dtest=ListPlansMeasurement [-Dplans.rows=1000000]}</pre>
 *
 * Figures in docs/performance.md ("Every list at a million rows").
 */
@QuarkusTest
@TestProfile(ListPlansMeasurement.AutoExplain.class)
class ListPlansMeasurement {

    /** The plans' log: PostgreSQL's own log file, written by its logging collector. */
    static final Path LOG_DIRECTORY = Path.of(
            System.getProperty("java.io.tmpdir"),
            "devolve-plans-" + ProcessHandle.current().pid());

    /**
     * The embedded server starts with auto_explain preloaded in every session and its log in a file (neither can
     * be switched on by a reload, and a backend's log lines never reach zonky's logger, which reads only what the
     * postmaster writes). Plans are logged once {@link #autoExplain} lowers the minimum duration to 0 (not set here: a setting given at the
     * start is on the server's command line, which a reload of {@code ALTER SYSTEM} cannot override).
     */
    public static class AutoExplain implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "devolve.database.embedded.settings",
                    String.join(
                            ",",
                            "shared_preload_libraries=auto_explain",
                            "logging_collector=on",
                            "log_directory=" + LOG_DIRECTORY,
                            "log_filename=postgres.log",
                            "auto_explain.log_format=json",
                            "auto_explain.log_analyze=on",
                            "auto_explain.log_timing=off"));
        }
    }

    private static final int ROWS = Integer.getInteger("plans.rows", 1_000_000);
    private static final long MAX_SORTED = 10_000;
    private static final long MAX_READ = 100_000;
    private static final Set<String> FILLED = Set.of(
            "member",
            "membership",
            "circle",
            "circle_event",
            "proposal",
            "stake",
            "stake_challenge",
            "ballot",
            "argument",
            "ledger_entry",
            "notification",
            "delegation");

    @Test
    void everyListPagesByAnIndexAtAMillionRows() throws Exception {
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .facilitatedBy(CAROL)
                .with("liveResults", true)
                .inVotingWith(Map.of(BOB, 3));
        String bob = CircleFixture.idOf(BOB);
        long start = System.nanoTime();
        fill(p, bob);
        System.out.printf(
                "%nMEASURED filling %,d rows per table: %d s%n", ROWS, (System.nanoTime() - start) / 1_000_000_000);

        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("circles", "/api/v1/circles");
        lists.put("circle members", "/api/v1/circles/" + p.circle() + "/members");
        lists.put("circle history", "/api/v1/circles/" + p.circle() + "/history");
        lists.put("members", "/api/v1/members");
        lists.put("proposals", "/api/v1/proposals");
        lists.put("proposals of a circle", "/api/v1/proposals?circle=" + p.circle());
        lists.put("arguments", "/api/v1/proposals/" + p.id() + "/arguments");
        lists.put("stakes", "/api/v1/proposals/" + p.id() + "/stakes");
        lists.put("challenges", "/api/v1/proposals/" + p.id() + "/challenges");
        lists.put("ballots", "/api/v1/proposals/" + p.id() + "/ballots");
        lists.put("my ballot history", "/api/v1/proposals/" + p.id() + "/ballot/history");
        lists.put("notifications", "/api/v1/notifications");
        lists.put("my delegations", "/api/v1/me/delegations");
        lists.put("my actions", "/api/v1/me/actions");

        Plans plans = Plans.capture();
        List<String> faults = new ArrayList<>();
        autoExplain(true);
        try {
            for (Map.Entry<String, String> list : lists.entrySet()) {
                for (int page = 0; page < 2; page++) {
                    String url = list.getValue();
                    plans.clear();
                    long t = System.nanoTime();
                    var answer = as(BOB).get(url).then().statusCode(200).extract();
                    long ms = (System.nanoTime() - t) / 1_000_000;
                    Thread.sleep(300); // the logging collector writes a moment later
                    List<JsonNode> seen = plans.taken();
                    System.out.printf(
                            "MEASURED %s, page %d: %d ms, %d statements%n", list.getKey(), page + 1, ms, seen.size());
                    if (seen.isEmpty()) {
                        faults.add(list.getKey() + " page " + (page + 1) + ": no plan of its statements in the log");
                    }
                    for (JsonNode plan : seen) {
                        check(list.getKey() + " page " + (page + 1), plan, faults);
                    }
                    String next = answer.path("next");
                    if (next == null) {
                        break;
                    }
                    list.setValue(url + (url.contains("?") ? "&" : "?") + "cursor=" + next);
                }
            }
            // the ledger pages by sequence number
            plans.clear();
            as(BOB).get("/api/v1/proposals/" + p.id() + "/ledger?after=500000&limit=50")
                    .then()
                    .statusCode(200);
            Thread.sleep(300);
            for (JsonNode plan : plans.taken()) {
                check("ledger", plan, faults);
            }
        } finally {
            autoExplain(false);
            plans.close();
        }
        assertFalse(
                plans.total == 0,
                "no plan reached the test: " + plans.lines + " lines of PostgreSQL's log did, such as " + plans.sample);
        faults.forEach(f -> System.out.println("FAULT " + f));
        assertEquals(List.of(), faults);
    }

    /** A plan's faults: a sequential scan of a filled table, a large sort, a node that reads too many rows. */
    private void check(String where, JsonNode entry, List<String> faults) {
        String query = entry.path("Query Text").asText().replaceAll("\\s+", " ");
        walk(entry.path("Plan"), node -> {
            String type = node.path("Node Type").asText();
            String relation = node.path("Relation Name").asText("");
            long rows = node.path("Actual Rows").asLong()
                    * Math.max(1, node.path("Actual Loops").asLong());
            long removed = node.path("Rows Removed by Filter").asLong();
            if (type.equals("Seq Scan") && FILLED.contains(relation)) {
                faults.add(where + ": sequential scan of " + relation + " (" + rows + " rows kept, " + removed
                        + " removed) in: " + query);
            } else if (type.equals("Sort") && sorted(node) > MAX_SORTED) {
                // a top-N sort gives back a page: what counts is what went in
                faults.add(where + ": sort of " + sorted(node) + " rows in: " + query);
            } else if (rows + removed > MAX_READ && type.contains("Scan")) {
                faults.add(
                        where + ": " + type + " on " + relation + " reads " + (rows + removed) + " rows in: " + query);
            }
        });
    }

    private static long sorted(JsonNode sort) {
        JsonNode input = sort.path("Plans").path(0);
        return input.path("Actual Rows").asLong()
                * Math.max(1, input.path("Actual Loops").asLong());
    }

    private static void walk(JsonNode node, Consumer<JsonNode> each) {
        each.accept(node);
        for (JsonNode child : node.path("Plans")) {
            walk(child, each);
        }
    }

    /** Every session has auto_explain (the profile); a reload makes them log every statement's plan, or none. */
    private void autoExplain(boolean on) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        System.getProperty("org.devolve.embedded-postgres.running-url"), "postgres", "postgres");
                Statement s = c.createStatement()) {
            try (var r = s.executeQuery("select current_setting('logging_collector')")) {
                r.next();
                if (!r.getString(1).equals("on")) {
                    throw new IllegalStateException("The embedded PostgreSQL was started before this test's profile"
                            + " (run ListPlansMeasurement alone: -Dtest=ListPlansMeasurement)");
                }
            }
            s.execute("alter system set auto_explain.log_min_duration = " + (on ? "0" : "-1"));
            s.execute("select pg_reload_conf()");
        }
        Thread.sleep(500);
    }

    /** The rows, straight in the database on a connection of its own (not the pool's: no plan logged). */
    private void fill(ProposalFixture.Made p, String bob) throws Exception {
        String url = System.getProperty("org.devolve.embedded-postgres.running-url");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement()) {
            String n = Integer.toString(ROWS);
            String circle = "'" + p.circle() + "'";
            String proposal = "'" + p.id() + "'";
            String group = "'" + p.group(0) + "'";
            String me = "'" + bob + "'";
            s.execute("create temp table people as select gen_random_uuid() as id, g from generate_series(1, " + n
                    + ") g");
            s.execute("insert into member (id, subject, username, display_name, created_at, updated_at) select id,"
                    + " 'plan-' || g, 'plan' || g, 'Plan person ' || g, now(), now() from people");
            s.execute("insert into membership (circle_id, member_id, member_name, role, joined_at) select " + circle
                    + ", id, 'Plan person ' || g, 'MEMBER', now() - g * interval '1 second' from people");
            s.execute("insert into circle (id, slug, name, description, kind, created_at, updated_at) select"
                    + " gen_random_uuid(), 'plan-circle-' || g, 'Plan circle ' || g, '', 'OTHER', now(), now()"
                    + " from generate_series(1, " + n + ") g");
            s.execute("insert into circle_event (id, circle_id, kind, member_id, role, actor_id, at) select"
                    + " gen_random_uuid(), " + circle + ", 'JOINED', id, 'MEMBER', id, now() from people");
            s.execute("insert into proposal (id, circle_id, author_id, title, summary, body, method, weighting,"
                    + " threshold, quorum_turnout_ppm, quorum_headcount, protection, secret, live_results,"
                    + " outsiders_allowed, phase, created_at, updated_at, opened_at) select gen_random_uuid(), "
                    + circle + ", " + me + ", 'Plan proposal ' || g, '', '', 'APPROVE_REJECT', 'LINEAR',"
                    + " 'SIMPLE_MAJORITY', 0, 0, 'NONE', false, false, false, 'DELIBERATION',"
                    + " now() - g * interval '1 second', now(), now() from generate_series(1, " + n + ") g");
            s.execute("insert into stake (id, proposal_id, circle_id, member_id, group_id, level, declared_level,"
                    + " reason, self_identified, flagged, budget_period, ballot, declared_at, updated_at, raised_at)"
                    + " select gen_random_uuid(), " + proposal + ", " + circle + ", id, " + group + ", 1 + g % 5,"
                    + " 1 + g % 5, 'I live here', false, g % 7 = 0, '2026-Q4', array[g % 2], now() - g * interval"
                    + " '1 second', now(), now() from people");
            s.execute("insert into stake_challenge (id, proposal_id, stake_id, challenger_id, reason, status,"
                    + " created_at) select gen_random_uuid(), " + proposal + ", s.id, " + me
                    + ", 'Not here', 'OPEN', s.declared_at from stake s where s.proposal_id = " + proposal
                    + " and s.member_id <> " + me);
            s.execute("insert into ballot (id, proposal_id, voter_id, current, stance, receipt, cast_at) select"
                    + " gen_random_uuid(), " + proposal + ", id, true, g % 2, repeat('a', 64), now() - g * interval"
                    + " '1 second' from people");
            s.execute("insert into argument (id, proposal_id, author_id, side, body, created_at) select"
                    + " gen_random_uuid(), " + proposal + ", id, 'FOR', 'Because ' || g, now() - g * interval"
                    + " '1 second' from people");
            s.execute("insert into ledger_entry (proposal_id, seq, kind, body, prev_hash, hash, recorded_at) select "
                    + proposal + ", 1000 + g, 'BALLOT_CAST', '{}', repeat('0', 64), md5(g::text) || md5('x' || g),"
                    + " now() from generate_series(1, " + n + ") g");
            s.execute("insert into notification (id, member_id, kind, proposal_id, text, created_at) select"
                    + " gen_random_uuid(), " + me + ", 'PROPOSAL_VOTING', " + proposal + ", 'Plan', now() - g *"
                    + " interval '1 second' from generate_series(1, " + n + ") g");
            // among the others (a member's delegations are listed whole, not paged: see docs/performance.md)
            s.execute("insert into delegation (id, delegator_id, delegate_id, circle_id, created_at) select"
                    + " gen_random_uuid(), a.id, b.id, " + circle
                    + ", now() from people a join people b on b.g = a.g + 1");
            c.setAutoCommit(true);
            for (String table : FILLED) {
                s.execute("vacuum analyze " + table);
            }
        }
    }

    /** The plans auto_explain writes to PostgreSQL's log file, read from where the last {@link #clear} left it. */
    private static final class Plans {

        private final Path file = LOG_DIRECTORY.resolve("postgres.log");
        private final ObjectMapper json = new ObjectMapper();
        private long offset;
        private int total;
        private int lines;
        private final List<String> sample = new ArrayList<>();

        static Plans capture() {
            return new Plans();
        }

        void clear() throws IOException {
            offset = Files.exists(file) ? Files.size(file) : 0;
        }

        /** The plans logged since the last clear; a message is written whole by the logging collector. */
        List<JsonNode> taken() throws IOException {
            List<JsonNode> taken = new ArrayList<>();
            if (!Files.exists(file)) {
                return taken;
            }
            String text;
            try (var channel = FileChannel.open(file)) {
                long size = channel.size();
                var buffer = ByteBuffer.allocate((int) Math.max(0, size - offset));
                channel.read(buffer, offset);
                text = new String(buffer.array(), StandardCharsets.UTF_8);
            }
            StringBuilder current = null;
            for (String line : text.split("\n")) {
                lines++;
                if (sample.size() < 8) {
                    sample.add(line);
                }
                int at = line.indexOf("plan:");
                if (at >= 0) {
                    current = new StringBuilder(line.substring(at + 5));
                } else if (current != null) {
                    // a message's continuation lines start with a tab
                    String body = line.startsWith("\t") ? line.substring(1) : line;
                    current.append('\n').append(body);
                    if (body.equals("}")) { // the plan's closing brace, at the start of its line
                        taken.add(json.readTree(current.toString()));
                        total++;
                        current = null;
                    }
                }
            }
            return taken;
        }

        void close() {}
    }
}
