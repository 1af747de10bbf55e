package org.devolve.tally;

import java.util.Arrays;

/**
 * One id per row (a voter's, or a delegate's), or none, kept as characters in one shared array rather than as a
 * million {@link String}s: a million-ballot tally then costs three arrays instead of two million objects that
 * every young collection copies, and hashing or comparing ids reads memory in the order the rows were added.
 * A {@code String} is made only when someone asks for one ({@link #get}).
 *
 * <p>{@link #hash} and {@link #compare} are those of {@link String#hashCode()} and {@link String#compareTo} on the
 * same text (both are defined on the UTF-16 code units), so an order defined by them is the same either way.
 */
final class Ids {

    /** A row without an id. */
    private static final long NONE = -1;

    private char[] chars;
    private int used;
    /**
     * Each row's id as one number, its offset in {@code chars} in the high half and its length in the low half, or
     * {@link #NONE}: finding an id at a random row costs one cache miss, not one per array.
     */
    private long[] span;

    private int present;

    Ids(int rows) {
        chars = new char[Math.max(16, rows * 8)];
        span = new long[rows];
        Arrays.fill(span, NONE);
    }

    private Ids(char[] chars, int used, long[] span, int present) {
        this.chars = chars;
        this.used = used;
        this.span = span;
        this.present = present;
    }

    /** No row has an id (an anonymous input's). */
    static Ids none() {
        return new Ids(new char[0], 0, new long[0], 0);
    }

    /** Room for {@code rows} rows; rows added by growing have no id. */
    void resize(int rows) {
        int old = span.length;
        span = Arrays.copyOf(span, rows);
        if (rows > old) {
            Arrays.fill(span, old, rows, NONE);
        }
    }

    private static int offset(long span) {
        return (int) (span >>> 32);
    }

    private static int length(long span) {
        return (int) span;
    }

    /** Gives row {@code row} the id {@code text[from, from + count)}, or none when {@code text} is null. */
    void set(int row, char[] text, int from, int count) {
        clear(row);
        if (text == null) {
            return;
        }
        reserve(count);
        System.arraycopy(text, from, chars, used, count);
        place(row, count);
    }

    /** Gives row {@code row} the id {@code id}, or none when it is null. */
    void set(int row, String id) {
        clear(row);
        if (id == null) {
            return;
        }
        int count = id.length();
        reserve(count);
        id.getChars(0, count, chars, used);
        place(row, count);
    }

    private void reserve(int count) {
        if (chars.length - used < count) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + count));
        }
    }

    private void place(int row, int count) {
        span[row] = (long) used << 32 | count;
        used += count;
        present++;
    }

    /** Takes the row's id away (its characters stay in the pool, unused). */
    void clear(int row) {
        if (span[row] != NONE) {
            span[row] = NONE;
            present--;
        }
    }

    boolean has(int row) {
        return present > 0 && span[row] != NONE;
    }

    /** Whether any row has an id. */
    boolean any() {
        return present > 0;
    }

    /** The row's id, or null. */
    String get(int row) {
        return has(row) ? new String(chars, offset(span[row]), length(span[row])) : null;
    }

    /** Whether the row's id is the empty text (a present but empty id). */
    boolean empty(int row) {
        return has(row) && length(span[row]) == 0;
    }

    /** {@link String#hashCode()} of the row's id (which it must have). */
    int hash(int row) {
        int h = 0;
        long at = span[row];
        for (int i = offset(at), end = i + length(at); i < end; i++) {
            h = 31 * h + chars[i];
        }
        return h;
    }

    /** Whether row {@code a}'s id here equals row {@code b}'s id in {@code other} (both must have one). */
    boolean same(int a, Ids other, int b) {
        long x = span[a];
        long y = other.span[b];
        int n = length(x);
        return n == length(y) && Arrays.equals(chars, offset(x), offset(x) + n, other.chars, offset(y), offset(y) + n);
    }

    /** {@link String#compareTo} of rows {@code a} and {@code b}'s ids (both must have one). */
    int compare(int a, int b) {
        long x = span[a];
        long y = span[b];
        return Arrays.compare(chars, offset(x), offset(x) + length(x), chars, offset(y), offset(y) + length(y));
    }

    /** An independent copy of the first {@code rows} rows (an input keeps its own, the builder may go on). */
    Ids copy(int rows) {
        if (present == 0) {
            return none(); // has() is false for every row
        }
        return new Ids(Arrays.copyOf(chars, used), used, Arrays.copyOf(span, rows), present);
    }
}
