package org.devolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table belongs to one feature (the ownership table of docs/architecture.md), and no query string in one
 * feature names another feature's table or entity: they go through its port. Read from the source, since a query
 * is a string the compiler cannot see.
 */
class OwnershipTest {

    private static final Path CODE = Path.of("src/main/java/org/devolve");
    private static final Pattern OWNERSHIP_ROW =
            Pattern.compile("^\\| `([a-z_]+)` \\| ([a-z]+) \\|", Pattern.MULTILINE);
    private static final Pattern CREATE_TABLE = Pattern.compile("create table ([a-z_]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY_TABLE =
            Pattern.compile("@Table\\(name = \"([a-z_]+)\"\\)[^{]*?class (\\w+)", Pattern.DOTALL);
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern SQL =
            Pattern.compile("\\b(select|from|join|update|insert into|delete from|copy)\\b", Pattern.CASE_INSENSITIVE);
    /** A name read from or written to: after from, join, update, into, or in a comma-separated from list. */
    private static final Pattern NAMED = Pattern.compile(
            "\\b(?:from|join|update|into)\\s+([A-Za-z_]+)|,\\s*([A-Z][A-Za-z]+)\\s+[a-z]\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableOfTheSchemaHasOneOwnerWrittenDown() throws IOException {
        Map<String, String> owners = owners();
        TreeSet<String> created = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path m : migrations.toList()) {
                Matcher t = CREATE_TABLE.matcher(Files.readString(m));
                while (t.find()) {
                    created.add(t.group(1));
                }
            }
        }
        assertEquals(created, new TreeSet<>(owners.keySet()), "the tables of docs/architecture.md are the schema's");
        try (Stream<Path> features = Files.list(CODE)) {
            TreeSet<String> packages = new TreeSet<>(features.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .toList());
            assertTrue(packages.containsAll(owners.values()), "every owner is a feature: " + owners.values());
        }
    }

    @Test
    void everyEntityLivesInTheFeatureThatOwnsItsTable() throws IOException {
        Map<String, String> owners = owners();
        for (Map.Entry<String, String[]> e : entities().entrySet()) {
            assertEquals(
                    owners.get(e.getValue()[1]),
                    e.getValue()[0],
                    "entity " + e.getKey() + " of table " + e.getValue()[1]);
        }
    }

    @Test
    void noQueryNamesAnotherFeaturesTableOrEntity() throws IOException {
        Map<String, String> ownerOfName = new HashMap<>(owners());
        entities().forEach((entity, where) -> ownerOfName.put(entity, where[0]));
        List<String> crossing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CODE)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String feature = CODE.relativize(file).getName(0).toString();
                if (feature.equals("tally")) {
                    continue; // the engine has no tables
                }
                for (String literal : literals(Files.readString(file))) {
                    if (!SQL.matcher(literal).find()) {
                        continue;
                    }
                    Matcher named = NAMED.matcher(literal);
                    while (named.find()) {
                        String name = named.group(1) != null ? named.group(1) : named.group(2);
                        String owner = ownerOfName.get(name);
                        if (owner != null && !owner.equals(feature)) {
                            crossing.add(CODE.relativize(file) + ": " + name + " (" + owner + ") in \""
                                    + literal.replaceAll("\\s+", " ").trim() + "\"");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), crossing, "queries that cross a feature: use the owner's port instead");
    }

    /** Table → owning feature, from docs/architecture.md. */
    private static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        Matcher row = OWNERSHIP_ROW.matcher(Files.readString(Path.of("docs/architecture.md")));
        while (row.find()) {
            String previous = owners.put(row.group(1), row.group(2));
            assertEquals(null, previous, "table " + row.group(1) + " is listed twice");
        }
        assertTrue(owners.size() > 10, "docs/architecture.md has its ownership table");
        return owners;
    }

    /** Entity class name → {feature, table}. */
    private static Map<String, String[]> entities() throws IOException {
        Map<String, String[]> entities = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CODE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = ENTITY_TABLE.matcher(Files.readString(file));
                if (m.find()) {
                    entities.put(
                            m.group(2),
                            new String[] {CODE.relativize(file).getName(0).toString(), m.group(1)});
                }
            }
        }
        assertTrue(entities.size() > 10, "entities found");
        return entities;
    }

    /** The string literals and text blocks of a source file. */
    private static List<String> literals(String source) {
        List<String> out = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(source);
        while (blocks.find()) {
            out.add(blocks.group(1));
        }
        Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
        while (strings.find()) {
            out.add(strings.group(1));
        }
        return out;
    }
}
