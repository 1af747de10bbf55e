package org.devolve.tally.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devolve.tally.InvalidTallyException;
import org.devolve.tally.Reason;
import org.devolve.tally.Violation;

/**
 * A proposal's ledger as one file (the service's {@code GET /proposals/{id}/ledger/export}): its entries in order,
 * the tally document the close published (its exact text: the close entry holds its SHA-256), and, where ballots
 * are public, each counted ballot's salt, revealed at the close, so that anyone can check it against the
 * commitment in its entry.
 *
 * <pre>{"format": "devolve-ledger", "version": 1, "proposal": id,
 *  "entries": [{"seq", "prevHash", "hash", "body"}, ...], "document": text or null,
 *  "openings": [{"receipt", "salt"}, ...]}</pre>
 */
public final class LedgerBundle {

    public static final String FORMAT = "devolve-ledger";

    /** One entry as the ledger keeps it: its place, its hashes, and its canonical JSON. */
    public record Entry(long seq, String prevHash, String hash, String body) {}

    /** A read bundle. {@code document} is null before the close. */
    public record Bundle(String proposal, List<Entry> entries, byte[] document, Map<String, String> openings) {}

    private LedgerBundle() {}

    /** Reads a bundle strictly. */
    public static Bundle read(InputStream in) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("$", "a ledger export is a JSON object");
            }
            String proposal = null;
            String format = null;
            List<Entry> entries = null;
            byte[] document = null;
            Map<String, String> openings = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                p.nextToken();
                if (!seen.add(name)) {
                    throw Json.duplicate(p, name);
                }
                switch (name) {
                    case "format" -> format = Json.text(p);
                    case "version" -> {
                        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() != 1) {
                            throw new InvalidTallyException(List.of(new Violation(
                                    Reason.VERSION_UNSUPPORTED,
                                    "version",
                                    "this command reads ledger exports of version 1")));
                        }
                    }
                    case "proposal" -> proposal = Json.text(p);
                    case "document" ->
                        document = p.currentToken() == JsonToken.VALUE_NULL
                                ? null
                                : Json.text(p).getBytes(StandardCharsets.UTF_8);
                    case "entries" -> entries = entries(p);
                    case "openings" -> {
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw invalid("openings", "openings is an array");
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            Map<?, ?> o = (Map<?, ?>) Json.value(p);
                            openings.put(String.valueOf(o.get("receipt")), String.valueOf(o.get("salt")));
                        }
                    }
                    default -> throw invalid(name, "\"" + name + "\" is not part of a ledger export");
                }
            }
            Json.end(p);
            if (!FORMAT.equals(format) || proposal == null || entries == null) {
                throw invalid("$", "a ledger export names its format \"" + FORMAT + "\", its proposal and its entries");
            }
            return new Bundle(proposal, entries, document, openings);
        } catch (JsonProcessingException e) {
            throw new InvalidTallyException(
                    List.of(new Violation(Reason.MALFORMED_JSON, "$", e.getOriginalMessage() + Json.where(e))));
        } catch (Json.Malformed | ClassCastException e) {
            throw new InvalidTallyException(List.of(new Violation(Reason.MALFORMED_JSON, "$", e.getMessage())));
        }
    }

    private static List<Entry> entries(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw invalid("entries", "entries is an array");
        }
        List<Entry> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Map<?, ?> e = (Map<?, ?>) Json.value(p);
            Long seq = Json.whole(e.get("seq"));
            if (seq == null
                    || !(e.get("prevHash") instanceof String prev)
                    || !(e.get("hash") instanceof String hash)
                    || !(e.get("body") instanceof String body)) {
                throw invalid("entries[" + out.size() + "]", "an entry has its seq, prevHash, hash and body");
            }
            out.add(new Entry(seq, prev, hash, body));
        }
        return out;
    }

    private static InvalidTallyException invalid(String path, String detail) {
        return new InvalidTallyException(List.of(new Violation(Reason.FIELD_INVALID, path, detail)));
    }

    /** Checks and recounts a bundle ({@link LedgerReplay}). */
    public static LedgerReplay.Outcome check(Bundle bundle) {
        LedgerReplay replay = new LedgerReplay(bundle.proposal());
        for (Entry e : bundle.entries()) {
            replay.accept(e.seq(), e.prevHash(), e.hash(), e.body());
        }
        return replay.finish(bundle.document(), bundle.openings());
    }

    /** Writes a bundle: {@link #entry} for each entry in order, then {@link #finish}. Nothing is held in memory. */
    public static Writer writer(OutputStream out, String proposal) throws IOException {
        return new Writer(out, proposal);
    }

    /** A bundle being written. */
    public static final class Writer {
        private final JsonGenerator j;

        private Writer(OutputStream out, String proposal) throws IOException {
            j = Json.FACTORY.createGenerator(out);
            j.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            j.writeStartObject();
            j.writeStringField("format", FORMAT);
            j.writeNumberField("version", 1);
            j.writeStringField("proposal", proposal);
            j.writeArrayFieldStart("entries");
        }

        public void entry(Entry e) throws IOException {
            j.writeRaw("\n  ");
            j.writeStartObject();
            j.writeNumberField("seq", e.seq());
            j.writeStringField("prevHash", e.prevHash());
            j.writeStringField("hash", e.hash());
            j.writeStringField("body", e.body());
            j.writeEndObject();
        }

        /** The published document (null before the close) and the revealed salts (receipt → salt). */
        public void finish(String document, Map<String, String> openings) throws IOException {
            j.writeRaw("\n");
            j.writeEndArray();
            if (document == null) {
                j.writeNullField("document");
            } else {
                j.writeStringField("document", document);
            }
            j.writeArrayFieldStart("openings");
            for (Map.Entry<String, String> o : openings.entrySet()) {
                j.writeRaw("\n  ");
                j.writeStartObject();
                j.writeStringField("receipt", o.getKey());
                j.writeStringField("salt", o.getValue());
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
            j.writeRaw("\n");
            j.close();
        }
    }
}
