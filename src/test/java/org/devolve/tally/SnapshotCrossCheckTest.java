package org.devolve.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.devolve.tally.io.TallyDocument;
import org.junit.jupiter.api.Test;

/**
 * Per-option totals agree with @snapshot-labs/snapshot.js 0.17.5 ({@code utils.voting[type].getScores()})
 * on seeded random ballots, for every method Snapshot has. The build installs the package with
 * {@code npm ci} (exec-maven-plugin); without Node or the package this test fails, it never skips.
 *
 * <p>What is compared: Snapshot gets each counted ballot with its Devolve weight in micro-units as its
 * balance (integers, so Snapshot's doubles are exact up to 2^53 and both sides see the same ties).
 * Only ballots with weight &gt; 0 are sent (weight 0 is no vote in Devolve), without delegation (Snapshot's
 * voting classes have none), and with full rankings for IRV and Copeland (Snapshot refuses partial ones).
 * Devolve's totals are micro-units rounded exactly; Snapshot's are doubles; they must agree to 10^-6
 * relative, or to one micro-unit (Devolve's quantum), whichever is larger.
 */
class SnapshotCrossCheckTest {

    private static final Path DIR = Path.of("src/test/snapshot");
    private static final int CASES_PER_METHOD = 300;

    private static final Map<Method, String> TYPES = Map.of(
            Method.SINGLE_CHOICE,
            "single-choice",
            Method.APPROVAL,
            "approval",
            Method.SPLIT,
            "weighted",
            Method.QUADRATIC,
            "quadratic",
            Method.RANKED_IRV,
            "ranked-choice",
            Method.COPELAND,
            "copeland");

    @Test
    void everyMethodSnapshotHasGivesSnapshotsTotals() throws Exception {
        assertTrue(
                Files.isDirectory(DIR.resolve("node_modules/@snapshot-labs/snapshot.js")),
                "snapshot.js is not installed: run `npm ci` in src/test/snapshot (mvn does this in process-test-resources)");
        List<TallyInput> inputs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        StringWriter text = new StringWriter();
        JsonGenerator cases = new JsonFactory().createGenerator(text);
        cases.writeStartArray();
        Random rnd = new Random(20_251_125L);
        for (Method method : TYPES.keySet().stream().sorted().toList()) {
            for (int i = 0; i < CASES_PER_METHOD; i++) {
                RandomTallies.Shape shape = new RandomTallies.Shape();
                shape.delegation = false;
                shape.partialRankings = false;
                shape.maxBallots = i % 3 == 0 ? 8 : 60; // small electorates make exact ties
                TallyInput in = RandomTallies.input(rnd, method, shape);
                inputs.add(in);
                labels.add(method + " case " + i);
                writeCase(cases, TYPES.get(method), in);
            }
        }
        cases.writeEndArray();
        cases.close();
        Map<String, Object> answer = runNode(text.toString());
        assertEquals("0.17.5", answer.get("version"), "the cross-check is pinned to snapshot.js 0.17.5");
        List<?> scores = (List<?>) answer.get("scores");
        assertEquals(inputs.size(), scores.size());
        int ties = 0;
        for (int c = 0; c < inputs.size(); c++) {
            TallyResult result = Tally.count(inputs.get(c));
            List<?> expected = (List<?>) scores.get(c);
            assertEquals(result.totals().size(), expected.size(), labels.get(c));
            for (int i = 0; i < expected.size(); i++) {
                double snapshot = ((Number) expected.get(i)).doubleValue();
                long devolve = result.totals().get(i);
                double tolerance = Math.max(1e-6 * Math.abs(snapshot), 1.0);
                if (Math.abs(devolve - snapshot) > tolerance) {
                    fail(labels.get(c) + ", option " + i + ": Devolve " + devolve + " µ, snapshot.js " + snapshot
                            + " µ\n" + TallyDocument.toJson(inputs.get(c)));
                }
            }
            ties += result.ties().isEmpty() ? 0 : 1;
        }
        assertTrue(ties > 50, "the random cases should include ties, found " + ties);
    }

    private static void writeCase(JsonGenerator j, String type, TallyInput in) throws IOException {
        j.writeStartObject();
        j.writeStringField("type", type);
        j.writeNumberField("choices", in.k);
        j.writeArrayFieldStart("votes");
        for (int row = 0; row < in.n; row++) {
            if (!in.voted[row] || in.weight[row] == 0) {
                continue;
            }
            j.writeStartObject();
            j.writeFieldName("choice");
            switch (in.method.ballot) {
                case CHOICE:
                    j.writeNumber(in.choice[row] + 1);
                    break;
                case ALLOCATION:
                    j.writeStartObject();
                    for (int i = 0; i < in.k; i++) {
                        int points = in.items[in.start[row] + i];
                        if (points > 0) {
                            j.writeNumberField(Integer.toString(i + 1), points);
                        }
                    }
                    j.writeEndObject();
                    break;
                default:
                    j.writeStartArray();
                    for (int x = in.start[row]; x < in.start[row + 1]; x++) {
                        j.writeNumber(in.items[x] + 1);
                    }
                    j.writeEndArray();
            }
            j.writeNumberField("balance", in.weight[row]);
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> runNode(String cases) throws IOException, InterruptedException {
        Process node;
        try {
            node = new ProcessBuilder("node", "scores.js")
                    .directory(DIR.toFile())
                    .redirectErrorStream(false)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("Node.js is required for the snapshot.js cross-check and was not found", e);
        }
        byte[] input = cases.getBytes(StandardCharsets.UTF_8);
        Thread writer = new Thread(() -> {
            try (var out = node.getOutputStream()) {
                out.write(input);
            } catch (IOException ignored) {
                // node's exit status reports it
            }
        });
        writer.start();
        String stdout = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        writer.join();
        assertEquals(0, node.exitValue(), "node scores.js failed: " + stderr);
        return JsonTrees.object(stdout);
    }
}
