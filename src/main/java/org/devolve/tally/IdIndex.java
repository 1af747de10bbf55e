package org.devolve.tally;

/**
 * Voter id → row: an open-addressing hash table of one {@code long} per slot (the id's hash in the high half, the row
 * in the low half) over the rows' own {@link Ids}, sized once, with no boxing and no entry objects. A probe touches one
 * slot and, only when the hashes agree, the id itself: at a million ids each insert costs about one cache miss,
 * where separate key, value and hash arrays cost three. Resolving delegates and finding duplicate voters among a
 * million ids is its whole job; a {@code HashMap<String, Integer>} spends most of that time allocating.
 */
final class IdIndex {

    private final Ids ids;
    private final long[] slots;
    private final int mask;

    /** An index of rows whose ids are {@code ids}, for up to {@code expected} of them (the table is at most half full). */
    IdIndex(Ids ids, int expected) {
        this.ids = ids;
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        slots = new long[capacity];
        mask = capacity - 1;
    }

    /** Indexes row {@code row} under its id unless the id is there; returns the earlier row, or -1 when new. */
    int putIfAbsent(int row) {
        int h = spread(ids.hash(row));
        int i = probe(h, ids, row);
        if (slots[i] != 0) {
            return (int) slots[i] - 1;
        }
        slots[i] = (long) h << 32 | (row + 1L) & 0xFFFF_FFFFL;
        return -1;
    }

    /** The row whose id is row {@code row}'s id in {@code keys}, or -1. */
    int get(Ids keys, int row) {
        int i = probe(spread(keys.hash(row)), keys, row);
        return slots[i] == 0 ? -1 : (int) slots[i] - 1;
    }

    /** The slot of row {@code row}'s id in {@code keys} (hash {@code h}): the one holding it, or the empty one ending its probe. */
    private int probe(int h, Ids keys, int row) {
        int i = h & mask;
        long slot;
        while ((slot = slots[i]) != 0) {
            if ((int) (slot >>> 32) == h && ids.same((int) slot - 1, keys, row)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }
}
