package org.devolve.tally;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The partitioned index finds what a {@code HashMap<String, Integer>} filled row by row finds: the rows that repeat
 * an earlier voter id, in row order, and for each delegate id the first row with it, or none — over one partition
 * and over hundreds, with rows without an id, ids whose {@code String} hashes collide ("Aa" and "BB"), and ids beyond
 * Latin-1.
 */
class IdIndexTest {

    @Property(tries = 40)
    void findsWhatAMapFilledRowByRowFinds(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60_000) int n) {
        Random rnd = new Random(seed);
        int distinct = 1 + rnd.nextInt(Math.max(1, n + n / 4));
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            // "Aa" and "BB" share a String hash: ids built of them collide, so equal hashes must compare the ids
            pool.add(
                    switch (i % 4) {
                        case 0 -> "v" + i;
                        case 1 -> (i % 8 == 1 ? "Aa" : "BB") + "·" + (i / 8); // rows 8k+1 and 8k+5 collide
                        case 2 -> "Ω中" + Integer.toHexString(i);
                        default -> "\uD83D\uDE00" + i;
                    });
        }
        Ids voters = new Ids(n);
        Ids delegates = new Ids(n);
        for (int row = 0; row < n; row++) {
            if (row == 0 || rnd.nextInt(50) != 0) {
                voters.set(row, pool.get(rnd.nextInt(distinct)));
            }
            if (rnd.nextInt(3) == 0) {
                delegates.set(row, pool.get(rnd.nextInt(distinct)));
            }
        }
        if (n >= 2) {
            delegates.set(n - 1, voters.get(0)); // at least one delegation that resolves, whatever the seed
        }

        Map<String, Integer> first = new HashMap<>();
        List<Integer> repeats = new ArrayList<>();
        for (int row = 0; row < n; row++) {
            if (voters.has(row) && first.putIfAbsent(voters.get(row), row) != null) {
                repeats.add(row);
            }
        }
        int[] delegateRow = new int[n];
        for (int row = 0; row < n; row++) {
            delegateRow[row] = delegates.has(row) ? first.getOrDefault(delegates.get(row), -1) : -1;
        }

        IdIndex.Resolved resolved = IdIndex.resolve(voters, delegates, n);
        assertArrayEquals(repeats.stream().mapToInt(Integer::intValue).toArray(), resolved.repeats());
        assertArrayEquals(delegateRow, resolved.delegateRow());
        assertTrue(n < 2 || resolved.delegateRow()[n - 1] == 0, "the last row's delegate is row 0's voter");
        if (distinct > 5) {
            assertEquals(pool.get(1).hashCode(), pool.get(5).hashCode(), "the pool holds ids whose hashes collide");
        }
    }
}
