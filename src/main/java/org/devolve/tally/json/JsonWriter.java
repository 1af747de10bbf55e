package org.devolve.tally.json;

/**
 * A small JSON writer: containers opened at a depth of {@code inlineDepth} or more are written on one
 * line, shallower ones are indented by two spaces. Strings are escaped per RFC 8259; numbers are
 * written as given, so exact values are never rounded by a double.
 */
public final class JsonWriter {

    private final StringBuilder out;
    private final int inlineDepth;
    private final boolean[] first = new boolean[128];
    private final boolean[] inline = new boolean[128];
    private int depth;
    private boolean afterName;

    /** A writer that starts inlining containers at {@code inlineDepth} (0: everything on one line). */
    public JsonWriter(int inlineDepth) {
        this(new StringBuilder(256), inlineDepth);
    }

    public JsonWriter(StringBuilder out, int inlineDepth) {
        this.out = out;
        this.inlineDepth = inlineDepth;
    }

    public JsonWriter beginObject() {
        return open('{', false);
    }

    /** Begins an object written on one line, whatever its depth. */
    public JsonWriter beginObjectInline() {
        return open('{', true);
    }

    /** Begins an array written on one line, whatever its depth. */
    public JsonWriter beginArrayInline() {
        return open('[', true);
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        return open('[', false);
    }

    public JsonWriter endArray() {
        return close(']');
    }

    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(inline[depth] ? ":" : ": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        separate();
        string(value);
        return this;
    }

    public JsonWriter value(long value) {
        separate();
        out.append(value);
        return this;
    }

    public JsonWriter value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    public JsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    /** Writes a number literal exactly as given, e.g. a decimal string produced by exact arithmetic. */
    public JsonWriter number(String literal) {
        separate();
        out.append(literal);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private JsonWriter open(char c, boolean forceInline) {
        separate();
        out.append(c);
        depth++;
        first[depth] = true;
        inline[depth] = forceInline || inline[depth - 1] || depth > inlineDepth;
        return this;
    }

    private JsonWriter close(char c) {
        boolean wasInline = inline[depth];
        boolean empty = first[depth];
        depth--;
        if (!wasInline && !empty) {
            newline();
        }
        out.append(c);
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) {
            return;
        }
        if (!first[depth]) {
            out.append(',');
        }
        first[depth] = false;
        if (!inline[depth]) {
            newline();
        }
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
