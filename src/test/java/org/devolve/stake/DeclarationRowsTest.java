package org.devolve.stake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The export's order sorted in Java is PostgreSQL's: by group, then by member id compared byte by byte. */
class DeclarationRowsTest {

    @Test
    void ordersLikePostgresqlWhateverTheIdsShare() {
        Random random = new Random(20261202);
        for (int round = 0; round < 200; round++) {
            int groups = 1 + random.nextInt(round % 3 == 0 ? 1 : 40);
            int size = random.nextInt(round % 10 == 0 ? 20_000 : 300);
            DeclarationRows rows = new DeclarationRows();
            int[] g = new int[size];
            long[] hi = new long[size];
            long[] lo = new long[size];
            for (int i = 0; i < size; i++) {
                g[i] = random.nextInt(groups);
                // random ids, ids sharing all their leading bits (sequential ids), ids with the sign bit set
                hi[i] = switch (random.nextInt(4)) {
                    case 0 -> random.nextLong();
                    case 1 -> 0x0123_4567_89ab_4cdeL;
                    case 2 -> 0x0123_4567_89ab_4cdeL + random.nextInt(4);
                    default -> Long.MIN_VALUE | random.nextInt(3);
                };
                lo[i] = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(1000) - 500;
                rows.add(g[i], hi[i], lo[i], 1, null);
            }
            Integer[] expected = IntStream.range(0, size).boxed().toArray(Integer[]::new);
            Arrays.sort(
                    expected,
                    Comparator.<Integer>comparingInt(i -> g[i])
                            .thenComparing((a, b) -> Long.compareUnsigned(hi[a], hi[b]))
                            .thenComparing((a, b) -> Long.compareUnsigned(lo[a], lo[b])));
            int[] order = rows.order(groups);
            int[] sortedKeys = IntStream.of(order).toArray();
            // equal ids cannot happen (one declaration per member); compare the ids in the order found
            for (int i = 0; i < size; i++) {
                int e = expected[i];
                int f = sortedKeys[i];
                assertArrayEquals(
                        new long[] {g[e], hi[e], lo[e]},
                        new long[] {g[f], hi[f], lo[f]},
                        "round " + round + " at " + i);
            }
        }
    }
}
