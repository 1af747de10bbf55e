package org.devolve.tally;

import java.util.Arrays;

/**
 * SPLIT: a ballot's weight w is split over the options in proportion to its points, w·p_i/P.
 *
 * <p>Each share is kept as whole micro-units plus a fraction in units of 2^-32 micro-unit (floored), so
 * the accumulators are exact integers that {@code remove} can undo. The totals are these sums rounded
 * to micro-units by largest remainder (ties: lower index) so that they add up exactly to the weight
 * cast; they differ from the exact rational sums by less than one micro-unit each.
 */
class SplitCount extends Count {

    final long[] whole;
    final long[] fraction;

    SplitCount(TallyInput in) {
        super(in);
        whole = new long[k];
        fraction = new long[k];
    }

    @Override
    void add(int ballot, long w) {
        share(ballot, w, whole, fraction, 0, 1);
        cast += w;
    }

    @Override
    void remove(int ballot, long w) {
        share(ballot, w, whole, fraction, 0, -1);
        cast -= w;
    }

    /**
     * Adds {@code sign ×} the shares of {@code w} on {@code ballot}: whole micro-units at
     * {@code wholeRow[i]}, 2^-32 fractions at {@code fractionRow[offset + i]}; w·p ≤ 10^12·10^6 &lt; 2^63.
     */
    final void share(int ballot, long w, long[] wholeRow, long[] fractionRow, int offset, int sign) {
        long total = in.pointSum[ballot];
        int base = in.start[ballot];
        for (int i = 0; i < k; i++) {
            int points = in.items[base + i];
            if (points == 0) {
                continue;
            }
            long product = w * points;
            long q = product / total;
            long r = product % total;
            wholeRow[i] += sign * q;
            fractionRow[offset + i] += sign * ((r << 32) / total);
        }
    }

    /** The option with the most allocated weight (lower index among equals), without ranking the others. */
    @Override
    int leader() {
        return argmax(allocated());
    }

    /** The allocated weight per option, rounded to add up to the weight cast. */
    final long[] allocated() {
        return Micro.apportionFixed32(whole, fraction, cast);
    }

    @Override
    Standing standing() {
        long[] totals = allocated();
        return Standing.byKey(totals, totals, TallyResult.TieRule.LOWER_INDEX, noDetails());
    }

    @Override
    String measure() {
        return "allocated_weight";
    }

    @Override
    int measureWidth() {
        return 2 * k;
    }

    @Override
    void measure(int ballot, long w, long[] row) {
        share(ballot, w, row, row, k, 1);
    }

    @Override
    long[] measureTotals(long[] sumRow) {
        return Micro.apportionFixed32(Arrays.copyOf(sumRow, k), Arrays.copyOfRange(sumRow, k, 2 * k), cast);
    }

    /** Rounds each option's column of cells so that it adds up to that option's total. */
    @Override
    long[][] finishMeasure(long[][] rows, long[] totals) {
        long[][] out = new long[rows.length][k];
        for (int i = 0; i < k; i++) {
            long[] columnWhole = new long[rows.length];
            long[] columnFraction = new long[rows.length];
            for (int c = 0; c < rows.length; c++) {
                columnWhole[c] = rows[c][i];
                columnFraction[c] = rows[c][k + i];
            }
            long[] column = Micro.apportionFixed32(columnWhole, columnFraction, totals[i]);
            for (int c = 0; c < rows.length; c++) {
                out[c][i] = column[c];
            }
        }
        return out;
    }
}
