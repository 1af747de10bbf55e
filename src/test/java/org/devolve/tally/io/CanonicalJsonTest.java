package org.devolve.tally.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/**
 * The ledger's canonical JSON is RFC 8785's: every outside verifier recomputes each entry's hash from these bytes,
 * with whatever JCS implementation they have. Checked against the RFC's own examples and, for arbitrary values of
 * the kinds the ledger holds, against an independent implementation (java-json-canonicalization) given the same
 * value written in another key order and with white space.
 */
class CanonicalJsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void stringsEscapeAsTheRfcsExampleDoes() {
        // RFC 8785, section 3.2.2.2: its string of escapes (euro sign, dollar, control 0F, line feed, A, apostrophe, B,
        // quote, backslash, backslash, quote, slash) serializes as below
        String value = "\u20ac$\u000F\nA'B\"\\\\\"/";
        assertEquals("\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"", CanonicalJson.write(value));
    }

    @Test
    void keysSortByUtf16CodeUnitsAsTheRfcsExampleDoes() {
        // RFC 8785, section 3.2.3: the keys of the example, in their sorted order
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : List.of("\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6")) {
            map.put(key, key.codePointAt(0) == 0x20ac ? "Euro Sign" : "x");
        }
        assertEquals(
                "{\"\\r\":\"x\",\"1\":\"x\",\"\u0080\":\"x\",\"\u00f6\":\"x\",\"\u20ac\":\"Euro Sign\","
                        + "\"\ud83d\ude00\":\"x\",\"\ufb33\":\"x\"}",
                CanonicalJson.write(map));
    }

    @Property(tries = 500)
    void anEntryIsWhatAnotherJcsImplementationMakesOfIt(@ForAll("values") Object generated) throws IOException {
        // the oracle reads only an object or an array at the top, as ledger entries are
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("v", generated);
        String ours = CanonicalJson.write(value);
        String loose = JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(shuffled(value));
        assertEquals(new JsonCanonicalizer(loose).getEncodedString(), ours);
        assertEquals(ours, new JsonCanonicalizer(ours).getEncodedString(), "canonical text is its own canonical form");
    }

    @Test
    void refusesWhatNoJcsImplementationWritesTheSame() {
        // beyond 2^53 an ES6 number (RFC 8785's number form) is no longer the integer; an unpaired surrogate has no
        // UTF-8: either would make an outside verifier hash other bytes
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Map.of("n", 9_007_199_254_740_993L)));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Map.of("s", "a\ud800b")));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(List.of("\udc00")));
        assertEquals("9007199254740991", CanonicalJson.write(9_007_199_254_740_991L));
        assertEquals("-9007199254740991", CanonicalJson.write(-9_007_199_254_740_991L));
    }

    @Provide
    Arbitrary<Object> values() {
        return value(3);
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                text().map(s -> (Object) s),
                Arbitraries.longs()
                        .between(-9_007_199_254_740_991L, 9_007_199_254_740_991L)
                        .map(n -> (Object) n),
                Arbitraries.integers().between(-1000, 1000).map(n -> (Object) (long) n),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> map =
                Arbitraries.maps(text(), value(depth - 1)).ofMaxSize(5).map(m -> (Object) m);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, list), net.jqwik.api.Tuple.of(2, map));
    }

    /** Strings with what a ledger's texts can hold: any code point, control characters, quotes, backslashes. */
    private static Arbitrary<String> text() {
        Arbitrary<String> anyCodePoints = Arbitraries.integers()
                .between(0, 0x10FFFF)
                .filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                .map(cp -> new String(Character.toChars(cp)))
                .list()
                .ofMaxSize(8)
                .map(l -> String.join("", l));
        Arbitrary<String> tricky = Arbitraries.of(
                "",
                "\"",
                "\\",
                "/",
                "\u0000",
                "\u001f",
                "\u007f",
                "\u2028",
                "\ud83d\ude00",
                "\ufb33",
                "\u20ac",
                "\r\n\t\b\f",
                "a\"b\\c");
        return Arbitraries.oneOf(
                anyCodePoints, tricky, Arbitraries.strings().alpha().ofMaxLength(6));
    }

    /** The same value with each object's keys in another (reversed or shuffled) order. */
    @SuppressWarnings("unchecked")
    private static Object shuffled(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>((Set<String>) map.keySet());
            Collections.shuffle(keys, new Random(keys.size()));
            Map<String, Object> out = new LinkedHashMap<>();
            keys.forEach(k -> out.put(k, shuffled(map.get(k))));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CanonicalJsonTest::shuffled).toList();
        }
        return value;
    }
}
