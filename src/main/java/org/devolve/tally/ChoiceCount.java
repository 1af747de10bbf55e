package org.devolve.tally;

import java.util.ArrayList;

/**
 * APPROVE_REJECT and SINGLE_CHOICE: each ballot's weight goes to its one choice (a stance, or an option).
 * Totals and measure are the weight per choice.
 */
final class ChoiceCount extends Count {

    private final long[] totals;
    private final int[] choice;

    ChoiceCount(TallyInput in) {
        super(in);
        this.totals = new long[k];
        this.choice = in.choice;
    }

    @Override
    void add(int ballot, long w) {
        totals[choice[ballot]] += w;
        cast += w;
    }

    @Override
    void remove(int ballot, long w) {
        totals[choice[ballot]] -= w;
        cast -= w;
    }

    @Override
    void addAll(long[] weights, int[] target) {
        long[] t = totals;
        int[] c = choice;
        long sum = 0;
        for (int p = 0; p < target.length; p++) {
            int b = target[p];
            if (b >= 0) {
                long w = weights[p] * in.times(p);
                t[c[b]] += w;
                sum += w;
            }
        }
        cast += sum;
    }

    long total(Stance stance) {
        return totals[stance.ordinal()];
    }

    @Override
    Standing standing() {
        long[] copy = totals.clone();
        if (in.method == Method.APPROVE_REJECT) {
            return new Standing(copy, -1, new int[0], new ArrayList<>(), noDetails());
        }
        return Standing.byKey(copy, copy, TallyResult.TieRule.LOWER_INDEX, noDetails());
    }

    @Override
    int leader() {
        return in.method == Method.APPROVE_REJECT ? -1 : argmax(totals);
    }

    @Override
    String measure() {
        return "weight";
    }

    @Override
    void measure(int ballot, long w, long[] row) {
        row[choice[ballot]] += w;
    }
}
