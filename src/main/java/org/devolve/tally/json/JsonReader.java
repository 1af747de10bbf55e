package org.devolve.tally.json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict pull reader for JSON (RFC 8259): no comments, no trailing commas, no duplicate keys, no
 * leading zeros, no NaN; the whole input must be one value. It reads tokens one at a time, so a
 * caller can stream a million ballots into columns without building a tree; {@link #readValue()}
 * builds a small tree ({@link Map}, {@link List}, {@link String}, {@link java.math.BigDecimal},
 * {@link Boolean}, {@link JsonReader#NULL}) where that is more convenient.
 */
public final class JsonReader {

    /** The kind of the next token. */
    public enum Token { BEGIN_OBJECT, END_OBJECT, BEGIN_ARRAY, END_ARRAY, NAME, STRING, NUMBER, BOOLEAN, NULL, END }

    /** Stands for JSON {@code null} in a tree built by {@link #readValue()}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final int MAX_DEPTH = 64;

    private final char[] in;
    private final int length;
    private int pos;
    /** Recently read member names, so that the same name is not allocated a million times. */
    private final String[] nameCache = new String[256];
    /** Per open container: true for an object. */
    private final boolean[] isObject = new boolean[MAX_DEPTH + 1];
    /** Per open container: whether a value (or name/value pair) has already been read. */
    private final boolean[] hasElement = new boolean[MAX_DEPTH + 1];
    /** Per open object: whether the next token is a name (rather than its value). */
    private final boolean[] expectName = new boolean[MAX_DEPTH + 1];
    /** Per open container: whether the comma before the next element has been read. */
    private final boolean[] commaRead = new boolean[MAX_DEPTH + 1];
    /** Per open object, the member names read so far (a short list; a set once it grows). */
    private final List<List<String>> names = new ArrayList<>();
    private final List<Set<String>> nameSets = new ArrayList<>();
    private int depth;
    private boolean done;

    public JsonReader(String in) {
        this.in = in.toCharArray();
        this.length = this.in.length;
        for (int i = 0; i <= MAX_DEPTH; i++) {
            names.add(null);
            nameSets.add(null);
        }
    }

    /** The kind of the next token, without consuming it. */
    public Token peek() {
        skipSpace();
        if (depth == 0 && done) {
            if (pos < length) {
                throw error("unexpected text after the JSON value");
            }
            return Token.END;
        }
        if (depth > 0) {
            char c = current();
            if (isObject[depth] && expectName[depth]) {
                if (!commaRead[depth] && c == '}') {
                    return Token.END_OBJECT;
                }
                readComma();
                if (current() != '"') {
                    throw error("expected a member name");
                }
                return Token.NAME;
            }
            if (!isObject[depth]) {
                if (!commaRead[depth] && c == ']') {
                    return Token.END_ARRAY;
                }
                readComma();
            }
        }
        return valueToken(current());
    }

    private void readComma() {
        if (hasElement[depth] && !commaRead[depth]) {
            expect(',');
            commaRead[depth] = true;
            skipSpace();
        }
    }

    private Token valueToken(char c) {
        switch (c) {
            case '{': return Token.BEGIN_OBJECT;
            case '[': return Token.BEGIN_ARRAY;
            case '"': return Token.STRING;
            case 't': case 'f': return Token.BOOLEAN;
            case 'n': return Token.NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return Token.NUMBER;
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    public void beginObject() {
        open(Token.BEGIN_OBJECT, true);
    }

    public void beginArray() {
        open(Token.BEGIN_ARRAY, false);
    }

    private void open(Token token, boolean object) {
        require(token);
        if (depth == MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        pos++;
        depth++;
        isObject[depth] = object;
        hasElement[depth] = false;
        expectName[depth] = object;
        commaRead[depth] = false;
        if (object) {
            List<String> seen = names.get(depth);
            if (seen == null) {
                names.set(depth, new ArrayList<>());
            } else {
                seen.clear();
            }
            nameSets.set(depth, null);
        }
    }

    public void endObject() {
        close(Token.END_OBJECT);
    }

    public void endArray() {
        close(Token.END_ARRAY);
    }

    private void close(Token token) {
        require(token);
        pos++;
        depth--;
        valueDone();
    }

    /** Whether the current object or array has another member or element. */
    public boolean hasNext() {
        Token t = peek();
        return t != Token.END_OBJECT && t != Token.END_ARRAY && t != Token.END;
    }

    /** Reads a member name; a name repeated within one object is an error. */
    public String nextName() {
        require(Token.NAME);
        String name = readName();
        skipSpace();
        expect(':');
        expectName[depth] = false;
        commaRead[depth] = false;
        if (!firstTime(name)) {
            throw error("duplicate member \"" + name + "\"");
        }
        return name;
    }

    private boolean firstTime(String name) {
        List<String> seen = names.get(depth);
        Set<String> set = nameSets.get(depth);
        if (set != null) {
            return set.add(name);
        }
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i).equals(name)) {
                return false;
            }
        }
        seen.add(name);
        if (seen.size() > 16) {
            nameSets.set(depth, new HashSet<>(seen));
        }
        return true;
    }

    public String nextString() {
        require(Token.STRING);
        String s = readString();
        valueDone();
        return s;
    }

    public boolean nextBoolean() {
        require(Token.BOOLEAN);
        boolean value;
        if (startsWith("true")) {
            pos += 4;
            value = true;
        } else if (startsWith("false")) {
            pos += 5;
            value = false;
        } else {
            throw error("invalid literal");
        }
        valueDone();
        return value;
    }

    public void nextNull() {
        require(Token.NULL);
        if (!startsWith("null")) {
            throw error("invalid literal");
        }
        pos += 4;
        valueDone();
    }

    /** Reads a number as written, validated against the JSON grammar. */
    public String nextNumber() {
        require(Token.NUMBER);
        int start = pos;
        if (current() == '-') {
            pos++;
        }
        if (current() == '0') {
            pos++;
        } else if (isDigit(current())) {
            while (isDigit(current())) {
                pos++;
            }
        } else {
            throw error("invalid number");
        }
        if (current() == '.') {
            pos++;
            if (!isDigit(current())) {
                throw error("invalid number");
            }
            while (isDigit(current())) {
                pos++;
            }
        }
        if (current() == 'e' || current() == 'E') {
            pos++;
            if (current() == '+' || current() == '-') {
                pos++;
            }
            if (!isDigit(current())) {
                throw error("invalid number");
            }
            while (isDigit(current())) {
                pos++;
            }
        }
        String number = new String(in, start, pos - start);
        valueDone();
        return number;
    }

    /**
     * Reads an integer written without fraction or exponent, e.g. {@code 3}.
     *
     * @throws JsonException naming the offset when the number is not such an integer
     */
    public long nextLong() {
        require(Token.NUMBER);
        int start = pos;
        int at = pos;
        boolean negative = in[at] == '-';
        if (negative) {
            at++;
        }
        long value = 0;
        int digits = 0;
        while (at < length && isDigit(in[at]) && digits < 18) {
            value = value * 10 + (in[at] - '0');
            at++;
            digits++;
        }
        boolean plain = digits > 0 && (digits == 1 || in[at - digits] != '0')
                && (at >= length || (in[at] != '.' && in[at] != 'e' && in[at] != 'E' && !isDigit(in[at])));
        if (plain) {
            pos = at;
            valueDone();
            return negative ? -value : value;
        }
        String n = nextNumber();
        if (n.indexOf('.') >= 0 || n.indexOf('e') >= 0 || n.indexOf('E') >= 0 || n.length() > 18) {
            throw new JsonException("expected a whole number at offset " + start + ", found " + n, start);
        }
        return Long.parseLong(n);
    }

    /** Skips the next value, whatever it is. */
    public void skipValue() {
        readValue();
    }

    /** Reads the next value as a small tree. */
    public Object readValue() {
        switch (peek()) {
            case BEGIN_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                beginObject();
                while (hasNext()) {
                    String name = nextName();
                    map.put(name, readValue());
                }
                endObject();
                return map;
            }
            case BEGIN_ARRAY: {
                List<Object> list = new ArrayList<>();
                beginArray();
                while (hasNext()) {
                    list.add(readValue());
                }
                endArray();
                return list;
            }
            case STRING:
                return nextString();
            case NUMBER:
                return new java.math.BigDecimal(nextNumber());
            case BOOLEAN:
                return nextBoolean();
            case NULL:
                nextNull();
                return NULL;
            default:
                throw error("expected a value");
        }
    }

    private void valueDone() {
        if (depth == 0) {
            done = true;
        } else {
            hasElement[depth] = true;
            commaRead[depth] = false;
            if (isObject[depth]) {
                expectName[depth] = true;
            }
        }
    }

    private void require(Token token) {
        Token next = peek();
        if (next != token) {
            throw error("expected " + describe(token) + " but found " + describe(next));
        }
    }

    private static String describe(Token t) {
        return t.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private boolean startsWith(String word) {
        if (pos + word.length() > length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (in[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Reads a member name, reusing the String of a name read before when it has no escapes. */
    private String readName() {
        int start = pos + 1;
        int end = start;
        int hash = 0;
        while (end < length && in[end] != '"' && in[end] != '\\' && in[end] >= 0x20) {
            hash = 31 * hash + in[end];
            end++;
        }
        if (end >= length || in[end] != '"') {
            return readString();
        }
        int slot = (hash ^ (hash >>> 8)) & (nameCache.length - 1);
        String cached = nameCache[slot];
        if (cached != null && cached.length() == end - start) {
            boolean same = true;
            for (int i = 0; i < cached.length() && same; i++) {
                same = cached.charAt(i) == in[start + i];
            }
            if (same) {
                pos = end + 1;
                return cached;
            }
        }
        String name = new String(in, start, end - start);
        nameCache[slot] = name;
        pos = end + 1;
        return name;
    }

    private String readString() {
        pos++;
        StringBuilder out = null;
        int start = pos;
        while (true) {
            if (pos >= length) {
                throw error("unterminated string");
            }
            char c = in[pos];
            if (c == '"') {
                String s = out == null ? new String(in, start, pos - start)
                        : out.append(in, start, pos - start).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(in, start, pos - start);
                pos++;
                out.append(escape());
                start = pos;
            } else {
                pos++;
            }
        }
    }

    private char escape() {
        if (pos >= length) {
            throw error("unterminated string");
        }
        char c = in[pos++];
        switch (c) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (pos + 4 > length) {
                    throw error("invalid \\u escape");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(in[pos++], 16);
                    if (d < 0) {
                        throw error("invalid \\u escape");
                    }
                    v = v * 16 + d;
                }
                return (char) v;
            default:
                throw error("invalid escape \\" + c);
        }
    }

    private void skipSpace() {
        while (pos < length) {
            char c = in[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                return;
            }
        }
    }

    private char current() {
        if (pos >= length) {
            throw error("unexpected end of input");
        }
        return in[pos];
    }

    private void expect(char c) {
        if (current() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonException error(String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, length); i++) {
            if (in[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonException(message + " at line " + line + ", column " + column, pos);
    }
}
