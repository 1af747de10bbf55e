package org.devolve.tally.json;

/** Input that is not well-formed JSON; the message names the line and column. */
public final class JsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public JsonException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** The character offset at which reading stopped. */
    public int offset() {
        return offset;
    }
}
