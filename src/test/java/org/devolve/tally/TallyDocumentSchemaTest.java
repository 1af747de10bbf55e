package org.devolve.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.devolve.tally.io.TallyDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/tally-document.schema.json accepts every document the engine writes and the samples in
 * docs/examples, and refuses documents the engine refuses for their shape. Validated with Ajv (draft
 * 2020-12), installed beside snapshot.js in src/test/snapshot; without Node this test fails.
 */
class TallyDocumentSchemaTest {

    private static final Path SCHEMA =
            Path.of("docs/tally-document.schema.json").toAbsolutePath();

    @Test
    void theSchemaAcceptsWhatTheEngineWritesAndRefusesWhatItRefuses(@TempDir Path dir) throws Exception {
        List<Path> valid = new ArrayList<>();
        try (var examples = Files.list(Path.of("docs/examples"))) {
            examples.map(Path::toAbsolutePath).forEach(valid::add);
        }
        Random rnd = new Random(11);
        for (Method method : Method.values()) {
            for (int i = 0; i < 5; i++) {
                Path file = dir.resolve(method + "-" + i + ".json");
                Files.writeString(
                        file, TallyDocument.toJson(RandomTallies.input(rnd, method, new RandomTallies.Shape())));
                valid.add(file);
                // and a secret one, as published: rows without voters, some groups "other", some levels hidden
                Path published = dir.resolve(method + "-" + i + "-secret.json");
                Files.writeString(
                        published,
                        TallyDocument.toJson(
                                Tally.published(RandomTallies.builder(rnd, method, new RandomTallies.Shape())
                                        .secret(1 + rnd.nextInt(6))
                                        .build())));
                valid.add(published);
            }
        }
        String good = Files.readString(Path.of("docs/examples/single-choice.json"));
        List<Path> invalid = new ArrayList<>();
        String[] broken = {
            good.replace("\"version\": 1", "\"version\": 2"),
            good.replace("\"stake\": 5", "\"stake\": 6"),
            good.replace("\"choice\": 0", "\"choice\": 0, \"ranking\": [1]"),
            good.replace("\"choice\": 0", "\"choice\": \"MAYBE\""),
            good.replace("\"policy\": \"CAPPED\",", "\"policy\": \"CAPPED\", \"colour\": 1,"),
            good.replace("\"cap\": 4", "\"cap\": 9"),
            good.replace("\"turnout\": \"0.5\"", "\"turnout\": 0.5"),
        };
        String open = Files.readString(Path.of("docs/examples/approval.json")); // no breakdown: public
        broken = Arrays.copyOf(broken, broken.length + 1);
        broken[broken.length - 1] = open.replace("{\"voter\": \"ana\", ", "{"); // a public tally's row names its voter
        for (int i = 0; i < broken.length; i++) {
            assertTrue(!broken[i].equals(good) && !broken[i].equals(open), "broken document " + i + " differs");
            Path file = dir.resolve("broken-" + i + ".json");
            Files.writeString(file, broken[i]);
            invalid.add(file);
        }
        List<String> args = new ArrayList<>(List.of("node", "validate-schema.js", SCHEMA.toString()));
        valid.forEach(f -> args.add(f.toString()));
        invalid.forEach(f -> args.add(f.toString()));
        Process node = new ProcessBuilder(args)
                .directory(Path.of("src/test/snapshot").toFile())
                .start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, node.exitValue(), err);
        List<String> lines = out.lines().toList();
        assertEquals(valid.size() + invalid.size(), lines.size(), out);
        for (int i = 0; i < valid.size(); i++) {
            assertTrue(lines.get(i).startsWith("valid "), lines.get(i));
        }
        for (int i = valid.size(); i < lines.size(); i++) {
            assertTrue(lines.get(i).startsWith("invalid "), lines.get(i));
        }
    }
}
