package org.devolve.tally.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON reading every document of the engine shares (jackson-core streaming): strict as docs/tally-format.md
 * says — duplicate keys refused, nothing after the document, escapes of ASCII hex digits only (Jackson's own
 * rule), and no unpaired surrogate in a string, written raw or escaped (which JSON.parse would take but no
 * well-formed Unicode text holds).
 *
 * <p>Duplicate keys are found by the readers themselves rather than by Jackson's
 * {@code STRICT_DUPLICATE_DETECTION}, which keeps a set per object: a million ballot objects would make a million
 * sets, where a bit per known member does.
 */
final class Json {

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Bytes jackson-core asks a tally document's stream for at a time (its own default is 8,000). */
    static final int READ_BUFFER = 1 << 16;

    /**
     * The factory for tally documents, which may hold a million ballots: its parsers read {@link #READ_BUFFER}
     * bytes at a time, so a 60 MB document is read in about a thousand reads instead of 7,700 (≈ 20 ms of a
     * million-ballot recount, docs/performance.md). The small JSON the rest of the engine reads and writes keeps
     * {@link #FACTORY}, whose buffers jackson-core recycles per thread.
     */
    private static final JsonFactory DOCUMENTS =
            JsonFactory.builder().recyclerPool(new LargerReads()).build();

    /** A parser for a tally document: reads of {@link #READ_BUFFER} bytes, each ending after a ballot's line. */
    static JsonParser document(InputStream in) throws IOException {
        return DOCUMENTS.createParser(new WholeLines(in));
    }

    /**
     * jackson-core's buffers with a read buffer of {@link #READ_BUFFER} bytes; jackson-core takes the size from
     * {@link BufferRecycler#byteBufferLength}, which is there to be overridden. A recycler is made per parser: a
     * recount makes one, the service one per document it reads.
     */
    private static final class LargerReads extends RecyclerPool.NonRecyclingPoolBase<BufferRecycler> {
        private static final long serialVersionUID = 1L;

        @Override
        public BufferRecycler acquirePooled() {
            return new BufferRecycler() {
                @Override
                protected int byteBufferLength(int ix) {
                    return ix == BYTE_READ_IO_BUFFER ? READ_BUFFER : super.byteBufferLength(ix);
                }
            };
        }
    }

    private Json() {}

    /** A failure to read: malformed JSON, or a value of the wrong kind where the format is fixed. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The parser's text, refused if it holds an unpaired surrogate. */
    static String text(JsonParser p) throws IOException {
        String s = p.getText();
        checkSurrogates(s, p);
        return s;
    }

    /** Refuses {@code text} if it holds an unpaired surrogate, written raw or escaped (the parser says where). */
    static void checkSurrogates(CharSequence text, JsonParser p) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < Character.MIN_SURROGATE) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Malformed("a string holds an unpaired surrogate" + where(p));
            }
        }
    }

    static Malformed duplicate(JsonParser p, String name) {
        return new Malformed("duplicate key \"" + name + "\"" + where(p));
    }

    /** Fails unless nothing but white space follows the document. */
    static void end(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw new Malformed("text follows the document" + where(p));
        }
    }

    static String where(JsonParser p) {
        var at = p.currentLocation();
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /**
     * Reads the current value (the parser stands on its first token) as plain Java: Map (in order), List,
     * String, BigInteger (whole numbers), java.math.BigDecimal (others), Boolean, or null.
     */
    static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = text(p);
                    p.nextToken();
                    if (map.containsKey(name)) {
                        throw duplicate(p, name);
                    }
                    map.put(name, value(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_STRING:
                return text(p);
            case VALUE_NUMBER_INT:
                return p.getBigIntegerValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new Malformed("unexpected " + t + where(p));
        }
    }

    /** A whole number that fits a long, or null. */
    static Long whole(Object value) {
        if (value instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        return null;
    }

    /** Reads a whole JSON text into plain Java, strictly. */
    static Object parse(byte[] json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) {
                throw new Malformed("the text is empty");
            }
            Object value = value(p);
            end(p);
            return value;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Malformed(e.getOriginalMessage() + where(e));
        } catch (IOException e) {
            throw new Malformed(e.getMessage());
        }
    }

    static String where(com.fasterxml.jackson.core.JsonProcessingException e) {
        var at = e.getLocation();
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
