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

    private static final int NONE = -1;

    private char[] chars;
    private int used;
    private int[] offset;
    /** The id's length in chars, or {@link #NONE}. */
    private int[] length;

    private int present;

    Ids(int rows) {
        chars = new char[Math.max(16, rows * 8)];
        offset = new int[rows];
        length = new int[rows];
        Arrays.fill(length, NONE);
    }

    private Ids(char[] chars, int used, int[] offset, int[] length, int present) {
        this.chars = chars;
        this.used = used;
        this.offset = offset;
        this.length = length;
        this.present = present;
    }

    /** No row has an id (an anonymous input's). */
    static Ids none() {
        return new Ids(new char[0], 0, new int[0], new int[0], 0);
    }

    /** Room for {@code rows} rows; rows added by growing have no id. */
    void resize(int rows) {
        int old = length.length;
        offset = Arrays.copyOf(offset, rows);
        length = Arrays.copyOf(length, rows);
        if (rows > old) {
            Arrays.fill(length, old, rows, NONE);
        }
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
        offset[row] = used;
        length[row] = count;
        used += count;
        present++;
    }

    /** Takes the row's id away (its characters stay in the pool, unused). */
    void clear(int row) {
        if (length[row] != NONE) {
            length[row] = NONE;
            present--;
        }
    }

    boolean has(int row) {
        return present > 0 && length[row] != NONE;
    }

    /** Whether any row has an id. */
    boolean any() {
        return present > 0;
    }

    /** The row's id, or null. */
    String get(int row) {
        return has(row) ? new String(chars, offset[row], length[row]) : null;
    }

    /** Whether the row's id is the empty text (a present but empty id). */
    boolean empty(int row) {
        return has(row) && length[row] == 0;
    }

    /** {@link String#hashCode()} of the row's id (which it must have). */
    int hash(int row) {
        int h = 0;
        for (int i = offset[row], end = i + length[row]; i < end; i++) {
            h = 31 * h + chars[i];
        }
        return h;
    }

    /** Whether row {@code a}'s id here equals row {@code b}'s id in {@code other} (both must have one). */
    boolean same(int a, Ids other, int b) {
        int n = length[a];
        return n == other.length[b]
                && Arrays.equals(chars, offset[a], offset[a] + n, other.chars, other.offset[b], other.offset[b] + n);
    }

    /** {@link String#compareTo} of rows {@code a} and {@code b}'s ids (both must have one). */
    int compare(int a, int b) {
        return Arrays.compare(chars, offset[a], offset[a] + length[a], chars, offset[b], offset[b] + length[b]);
    }

    /** An independent copy of the first {@code rows} rows (an input keeps its own, the builder may go on). */
    Ids copy(int rows) {
        if (present == 0) {
            return none(); // has() is false for every row
        }
        return new Ids(
                Arrays.copyOf(chars, used), used, Arrays.copyOf(offset, rows), Arrays.copyOf(length, rows), present);
    }
}
