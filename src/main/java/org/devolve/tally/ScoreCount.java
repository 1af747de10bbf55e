package org.devolve.tally;

import java.util.ArrayList;
import java.util.List;

/**
 * SCORE: totals are the weighted score sums Σ w·score (micro-points); the weighted mean score of an
 * option is its sum ÷ the weight cast (every ballot scores every option), rounded half-even to six
 * decimals. The highest sum (so the highest mean) wins.
 */
final class ScoreCount extends Count {

    private final long[] sums;

    ScoreCount(TallyInput in) {
        super(in);
        this.sums = new long[k];
    }

    @Override
    void add(int ballot, long w) {
        measure(ballot, w, sums);
        cast += w;
    }

    @Override
    void remove(int ballot, long w) {
        measure(ballot, -w, sums);
        cast -= w;
    }

    @Override
    Standing standing() {
        long[] copy = sums.clone();
        List<Long> means = new ArrayList<>();
        for (long s : copy) {
            means.add(
                    cast == 0
                            ? 0
                            : java.math.BigDecimal.valueOf(s)
                                    .divide(java.math.BigDecimal.valueOf(cast), 6, java.math.RoundingMode.HALF_EVEN)
                                    .movePointRight(6)
                                    .longValueExact());
        }
        TallyResult.Details details = new TallyResult.Details(means, null, null, null, null, null, null);
        return Standing.byKey(copy, copy, TallyResult.TieRule.LOWER_INDEX, details);
    }

    @Override
    int leader() {
        return argmax(sums);
    }

    @Override
    String measure() {
        return "score_sum";
    }

    @Override
    void measure(int ballot, long w, long[] row) {
        int base = in.start[ballot];
        for (int i = 0; i < k; i++) {
            row[i] += w * in.items[base + i];
        }
    }
}
