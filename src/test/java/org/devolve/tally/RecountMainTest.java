package org.devolve.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.devolve.tally.io.TallyDocument;
import org.devolve.tally.recount.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recount command on the sample documents in docs/examples, one for every method. */
class RecountMainTest {

    private static final Path EXAMPLES = Path.of("docs/examples");

    private record Run(int status, String out, String err) {}

    private static Run recount(String arg, String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                new String[] {arg},
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyMethodHasASampleThatRecounts() throws Exception {
        Set<Method> seen = EnumSet.noneOf(Method.class);
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Run run = recount(file.toString(), "");
                assertEquals(0, run.status(), file + ": " + run.err());
                assertEquals("", run.err());
                @SuppressWarnings("unchecked")
                Map<String, Object> result = JsonTrees.object(run.out());
                TallyResult expected = Tally.count(TallyDocument.fromJson(Files.readString(file)));
                assertEquals(expected.method().name(), result.get("method"), file.toString());
                assertEquals(expected.outcome().name(), result.get("outcome"), file.toString());
                assertEquals(expected.totals().stream().map(Micro::format).toList(), result.get("totals"));
                seen.add(expected.method());
            }
        }
        assertEquals(EnumSet.allOf(Method.class), seen);
    }

    @Test
    void theSamplesDecideWhatTheirVotersChose() throws Exception {
        Map<String, Object> irv = result("ranked-irv.json");
        assertEquals("WINNER", irv.get("outcome"));
        assertEquals("Community garden", ((Map<?, ?>) irv.get("winner")).get("name"));
        Map<String, Object> consent = result("approve-reject.json");
        assertEquals("REJECTED", consent.get("outcome"));
        assertEquals(
                Boolean.FALSE,
                ((Map<?, ?>) consent.get("protection")).get("met"),
                "the tenants, most affected, object");
        Map<String, Object> single = result("single-choice.json");
        assertEquals(
                Boolean.TRUE,
                ((Map<?, ?>) single.get("counterfactual")).get("changesOutcome"),
                "one person, one vote would have chosen the car park");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(String name) throws Exception {
        Run run = recount(EXAMPLES.resolve(name).toString(), "");
        assertEquals(0, run.status(), run.err());
        return JsonTrees.object(run.out());
    }

    @Test
    void aDashReadsStandardInput() throws Exception {
        Run run = recount("-", Files.readString(EXAMPLES.resolve("copeland.json")));
        assertEquals(0, run.status());
        assertTrue(run.out().contains("\"method\": \"COPELAND\""));
    }

    @Test
    void malformedInputExitsWithStatusTwoAndOneLine(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"version\": 1, ");
        Run run = recount(broken.toString(), "");
        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("MALFORMED_JSON"), run.err());
    }

    @Test
    void inconsistentInputExitsWithStatusTwoNamingTheReason() throws Exception {
        String doc = Files.readString(EXAMPLES.resolve("single-choice.json")).replace("\"choice\": 2", "\"choice\": 7");
        Run run = recount("-", doc);
        assertEquals(2, run.status());
        assertTrue(
                run.err().startsWith("devolve-recount: invalid tally document: OPTION_UNKNOWN at ballots[1].choice"),
                run.err());
        assertEquals(1, run.err().lines().count());
    }

    @Test
    void aMissingFileExitsWithStatusTwo() {
        Run run = recount("no/such/file.json", "");
        assertEquals(2, run.status());
        assertEquals(
                List.of("devolve-recount: no such file: no/such/file.json"),
                run.err().lines().toList());
    }
}
