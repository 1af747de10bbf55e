package org.devolve.tally;

/** APPROVAL: each approved option receives the ballot's full weight; totals and measure alike. */
final class ApprovalCount extends Count {

    private final long[] totals;

    ApprovalCount(TallyInput in) {
        super(in);
        this.totals = new long[k];
    }

    @Override
    void add(int ballot, long w) {
        measure(ballot, w, totals);
        cast += w;
    }

    @Override
    void remove(int ballot, long w) {
        measure(ballot, -w, totals);
        cast -= w;
    }

    @Override
    void addAll(long[] weights, int[] target) {
        long[] t = totals;
        int[] start = in.start;
        int[] items = in.items;
        long sum = 0;
        for (int p = 0; p < target.length; p++) {
            int b = target[p];
            if (b >= 0) {
                long w = weights[p];
                for (int j = start[b], end = start[b + 1]; j < end; j++) {
                    t[items[j]] += w;
                }
                sum += w;
            }
        }
        cast += sum;
    }

    @Override
    Standing standing() {
        long[] copy = totals.clone();
        return Standing.byKey(copy, copy, TallyResult.TieRule.LOWER_INDEX, noDetails());
    }

    @Override
    int leader() {
        return argmax(totals);
    }

    @Override
    String measure() {
        return "approvals";
    }

    @Override
    void measure(int ballot, long w, long[] row) {
        for (int j = in.start[ballot], end = in.start[ballot + 1]; j < end; j++) {
            row[in.items[j]] += w;
        }
    }
}
