package org.devolve.tally;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The fragility order of rows without voter ids, by counting, is the order of their keys (the merge sort's). */
class FragilityOrderTest {

    @Property(tries = 300)
    void countingGivesTheOrderOfTheKeys(@ForAll long seed) {
        Random rnd = new Random(seed);
        int n = rnd.nextInt(400);
        int pairs = 1 + rnd.nextInt(40);
        long[] highs = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            highs[i] = (long) rnd.nextInt(6) << 27 | rnd.nextInt(1 << 23);
        }
        long[] keys = new long[n];
        int[] rows = new int[n];
        int m = 0;
        for (int p = 0; p < n; p++) {
            if (rnd.nextInt(3) > 0) {
                keys[p] = highs[rnd.nextInt(pairs)] << 32 | (p ^ 0x8000_0000L) & 0xFFFF_FFFFL;
                rows[m++] = p;
            }
        }
        rows = Arrays.copyOf(rows, m);
        Integer[] expected = Arrays.stream(rows).boxed().toArray(Integer[]::new);
        Arrays.sort(expected, Comparator.comparingLong(p -> keys[p]));
        assertArrayEquals(
                Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), Fragility.byCounting(rows, keys));
    }

    @Test
    void moreThanSixtyFourPairsAreLeftToTheSort() {
        int n = 65;
        long[] keys = new long[n];
        int[] rows = new int[n];
        for (int p = 0; p < n; p++) {
            keys[p] = (long) p << 32 | (p ^ 0x8000_0000L) & 0xFFFF_FFFFL;
            rows[p] = p;
        }
        assertNull(Fragility.byCounting(rows, keys));
    }
}
