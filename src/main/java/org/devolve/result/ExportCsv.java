package org.devolve.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The tally document as CSV, one line per declaration: {@code voter,stake,group,weight,delegate,ballot}. The
 * ballot column is the method's field written flat: {@code FOR}; {@code 2}; {@code 0;2} (approvals);
 * {@code 5;0;3} (scores); {@code 0:3;2:1} (allocation, index:points); {@code 2>0>1} (ranking). Empty when the
 * person did not vote. Fields with commas or quotes are quoted (RFC 4180).
 */
final class ExportCsv {

    private ExportCsv() {
    }

    static String of(String document, ObjectMapper json) {
        JsonNode doc;
        try {
            doc = json.readTree(document);
        } catch (IOException e) {
            throw new IllegalStateException("The stored tally document does not parse", e);
        }
        StringBuilder out = new StringBuilder("voter,stake,group,weight,delegate,ballot\r\n");
        for (JsonNode b : doc.path("ballots")) {
            List<String> cells = new ArrayList<>();
            cells.add(b.path("voter").asText());
            cells.add(b.path("stake").asText());
            cells.add(b.path("group").asText());
            cells.add(b.path("weight").asText(""));
            cells.add(b.path("delegate").asText(""));
            cells.add(ballot(b));
            out.append(String.join(",", cells.stream().map(ExportCsv::quote).toList())).append("\r\n");
        }
        return out.toString();
    }

    private static String ballot(JsonNode b) {
        if (b.has("choice")) {
            return b.get("choice").asText();
        }
        if (b.has("approvals")) {
            return join(b.get("approvals"), ";");
        }
        if (b.has("scores")) {
            return join(b.get("scores"), ";");
        }
        if (b.has("ranking")) {
            return join(b.get("ranking"), ">");
        }
        if (b.has("allocation")) {
            List<String> parts = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = b.get("allocation").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                parts.add(f.getKey() + ":" + f.getValue().asText());
            }
            return String.join(";", parts);
        }
        return "";
    }

    private static String join(JsonNode array, String separator) {
        List<String> parts = new ArrayList<>();
        array.forEach(n -> parts.add(n.asText()));
        return String.join(separator, parts);
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
