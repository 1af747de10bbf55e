package org.devolve.stake;

import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;

/**
 * The declarations of a proposal held in primitive columns (group's place, member id as two longs, level, ballot),
 * put in the export's order (group, then member id as PostgreSQL orders uuids: unsigned, byte by byte) in Java.
 *
 * <p>Why by hand: the database gives this order only through the index of (proposal_id, member_id), which visits
 * the heap in member order, at random: 3 s for a million declarations against 0.3 s for a scan in the heap's
 * order (docs/performance.md). Sorting a million rows here takes one {@link Arrays#sort(long[])} of packed keys;
 * the JDK has no sort of an index permutation by a primitive comparator, and a boxed one costs ten times more.
 */
final class DeclarationRows {

    private int size;
    private int[] group = new int[1024];
    private long[] msb = new long[1024];
    private long[] lsb = new long[1024];
    private int[] level = new int[1024];
    private int[][] ballot = new int[1024][];

    void add(int groupPlace, long memberMsb, long memberLsb, int lvl, int[] values) {
        if (size == group.length) {
            int grown = size * 2;
            group = Arrays.copyOf(group, grown);
            msb = Arrays.copyOf(msb, grown);
            lsb = Arrays.copyOf(lsb, grown);
            level = Arrays.copyOf(level, grown);
            ballot = Arrays.copyOf(ballot, grown);
        }
        group[size] = groupPlace;
        msb[size] = memberMsb;
        lsb[size] = memberLsb;
        level[size] = lvl;
        ballot[size] = values;
        size++;
    }

    int size() {
        return size;
    }

    /** Gives every row to {@code each} in the export's order. */
    void forEachOrdered(int groups, Stakes.Row each) throws IOException {
        for (int i : order(groups)) {
            each.accept(group[i], new UUID(msb[i], lsb[i]), level[i], ballot[i]);
        }
    }

    /**
     * The rows' places sorted by (group, member). Each key packs, from the top bit down, the group's place, as many
     * of the member id's leading bits as fit, and the row's place; one primitive sort orders them. Rows whose
     * packed prefixes are equal (members whose ids share their leading bits: rare with random ids, but possible)
     * are then ordered among themselves by the full id.
     */
    int[] order(int groups) {
        int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, size - 1)));
        int groupBits = groups <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(groups - 1);
        int memberBits = 64 - indexBits - groupBits; // ≥ 64 - 31 - 16 > 0
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            long g = groupBits == 0 ? 0 : (long) group[i] << (64 - groupBits);
            long m = (msb[i] >>> (64 - memberBits)) << indexBits;
            keys[i] = (g | m | i) ^ Long.MIN_VALUE; // unsigned order as signed
        }
        Arrays.sort(keys);
        long indexMask = (1L << indexBits) - 1;
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = (int) (keys[i] & indexMask);
        }
        int start = 0;
        for (int i = 1; i <= size; i++) {
            if (i == size || (keys[i] >>> indexBits) != (keys[start] >>> indexBits)) {
                if (i - start > 1) {
                    sortByFullId(out, start, i);
                }
                start = i;
            }
        }
        return out;
    }

    private void sortByFullId(int[] places, int from, int to) {
        Integer[] run = new Integer[to - from];
        for (int i = from; i < to; i++) {
            run[i - from] = places[i];
        }
        Arrays.sort(run, (a, b) -> {
            int byHigh = Long.compareUnsigned(msb[a], msb[b]);
            return byHigh != 0 ? byHigh : Long.compareUnsigned(lsb[a], lsb[b]);
        });
        for (int i = from; i < to; i++) {
            places[i] = run[i - from];
        }
    }
}
