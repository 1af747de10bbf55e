package org.devolve.tally.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON of ledger entries, after RFC 8785 (JSON Canonicalization Scheme) for the values the
 * ledger holds: objects with keys sorted by UTF-16 code units, arrays, strings, whole numbers, booleans and
 * null, with no insignificant white space. Strings escape only {@code "}, {@code \} and control characters
 * (b, f, n, r, t after a backslash; otherwise backslash-u and four lower-case hex digits). Anyone can reproduce the
 * bytes, and so the hashes, with any JCS implementation (CanonicalJsonTest checks them against one).
 *
 * <p>Two values have no JCS form that every implementation writes alike, and are refused: a whole number beyond
 * ±(2<sup>53</sup> − 1), which RFC 8785's numbers (IEEE 754 doubles, as ECMAScript writes them) no longer hold
 * exactly, and a string with an unpaired surrogate, which has no UTF-8. The ledger holds neither (its numbers are
 * counts and sequence numbers; the service refuses unpaired surrogates in every request).
 */
public final class CanonicalJson {

    /** 2^53 − 1: the largest integer an IEEE 754 double holds, with every integer below it. */
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private CanonicalJson() {}

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(128);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            long n = ((Number) value).longValue();
            if (n > MAX_SAFE_INTEGER || n < -MAX_SAFE_INTEGER) {
                throw new IllegalArgumentException(n + " is beyond the integers RFC 8785 numbers hold exactly");
            }
            out.append(n);
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            for (Object k : map.keySet()) {
                keys.add((String) k);
            }
            keys.sort(null); // String.compareTo compares UTF-16 code units, as RFC 8785 requires
            out.append('{');
            boolean first = true;
            for (String key : keys) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(key, out);
                out.append(':');
                write(map.get(key), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof int[] ints) {
            out.append('[');
            for (int i = 0; i < ints.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(ints[i]);
            }
            out.append(']');
        } else if (value instanceof Enum<?> e) {
            string(e.name(), out);
        } else {
            string(value.toString(), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !paired(s, i)) {
                        throw new IllegalArgumentException("a string with an unpaired surrogate has no canonical form");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether the surrogate at {@code i} is half of a pair. */
    private static boolean paired(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
