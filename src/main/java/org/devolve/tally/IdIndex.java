package org.devolve.tally;

import java.util.Arrays;

/**
 * Voter id → row, for finding the rows that repeat an earlier voter id and the row each delegate id names, in one
 * batch over all rows.
 *
 * <p>A hash table of a million ids is bigger than the processor's caches, so every insert and every lookup into it
 * costs a cache miss, one at a time: that was most of the time of resolving a million delegations. Here the ids are
 * first split by the top bits of their hash into partitions of about two thousand (two sequential passes: count,
 * then place), and each partition gets its own small open-addressing table (one {@code long} per slot: the hash in
 * the high half, the row in the low half), which stays in the cache while its voters are inserted and its
 * delegates looked up. Within a partition rows keep their order, so the first row of an id is the one indexed and
 * every later one is a repeat, as when inserting row by row. The id itself is compared only when the hashes agree.
 * (No library does this over {@link Ids}' character pool; a {@code HashMap<String, Integer>} would need a string and
 * an entry object per row.)
 */
final class IdIndex {

    /** About this many ids per partition: a table of twice as many slots stays within a few tens of kilobytes. */
    private static final int PER_PARTITION = 2048;

    /** What {@link #resolve} found. */
    record Resolved(int[] repeats, int[] delegateRow) {}

    private IdIndex() {}

    /**
     * Resolves row by row: {@code repeats} lists, in row order, the rows whose voter id an earlier row has;
     * {@code delegateRow[r]} is the first row whose voter id is row r's delegate id, or -1 (no delegate, or none
     * with that id).
     */
    static Resolved resolve(Ids voters, Ids delegates, int n) {
        int bits = n <= PER_PARTITION ? 0 : 32 - Integer.numberOfLeadingZeros(n / PER_PARTITION - 1);
        Partitions v = Partitions.of(voters, n, bits);
        Partitions d = Partitions.of(delegates, n, bits);
        int[] delegateRow = new int[n];
        Arrays.fill(delegateRow, -1);
        int[] repeats = new int[16];
        int repeated = 0;
        long[] table = new long[Math.max(4, Integer.highestOneBit(Math.max(1, v.largest) * 2 - 1) << 1)];
        int mask = table.length - 1;
        for (int part = 0; part < v.start.length - 1; part++) {
            Arrays.fill(table, 0);
            for (int e = v.start[part]; e < v.start[part + 1]; e++) {
                long entry = v.entries[e];
                int row = (int) entry;
                int i = probe(table, mask, (int) (entry >>> 32), voters, voters, row);
                if (table[i] != 0) {
                    if (repeated == repeats.length) {
                        repeats = Arrays.copyOf(repeats, repeated * 2);
                    }
                    repeats[repeated++] = row;
                } else {
                    table[i] = entry & 0xFFFF_FFFF_0000_0000L | (row + 1L);
                }
            }
            for (int e = d.start[part]; e < d.start[part + 1]; e++) {
                long entry = d.entries[e];
                int row = (int) entry;
                int i = probe(table, mask, (int) (entry >>> 32), voters, delegates, row);
                if (table[i] != 0) {
                    delegateRow[row] = (int) table[i] - 1;
                }
            }
        }
        repeats = Arrays.copyOf(repeats, repeated);
        Arrays.sort(repeats); // partitions are visited in hash order; repeats are reported in row order
        return new Resolved(repeats, delegateRow);
    }

    /**
     * The slot of row {@code row}'s id in {@code keys} (spread hash {@code h}): the one holding a row of
     * {@code indexed} with that id, or the empty one ending the probe.
     */
    private static int probe(long[] table, int mask, int h, Ids indexed, Ids keys, int row) {
        int i = h & mask;
        long slot;
        while ((slot = table[i]) != 0) {
            if ((int) (slot >>> 32) == h && indexed.same((int) slot - 1, keys, row)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    /** The rows with an id, as (spread hash, row) entries grouped by the hash's top bits, rows in order within each. */
    private record Partitions(long[] entries, int[] start, int largest) {

        static Partitions of(Ids ids, int n, int bits) {
            int parts = 1 << bits;
            int[] start = new int[parts + 1];
            if (!ids.any()) {
                return new Partitions(new long[0], start, 0);
            }
            int[] hash = new int[n];
            for (int row = 0; row < n; row++) {
                if (ids.has(row)) {
                    int h = spread(ids.hash(row));
                    hash[row] = h;
                    start[part(h, bits) + 1]++;
                }
            }
            int largest = 0;
            for (int p = 0; p < parts; p++) {
                largest = Math.max(largest, start[p + 1]);
                start[p + 1] += start[p];
            }
            long[] entries = new long[start[parts]];
            int[] next = Arrays.copyOf(start, parts);
            for (int row = 0; row < n; row++) {
                if (ids.has(row)) {
                    int h = hash[row];
                    entries[next[part(h, bits)]++] = (long) h << 32 | row;
                }
            }
            return new Partitions(entries, start, largest);
        }

        private static int part(int h, int bits) {
            return bits == 0 ? 0 : h >>> (32 - bits);
        }
    }

    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }
}
