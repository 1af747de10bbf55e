package org.devolve.tally;

import java.math.BigInteger;

/**
 * QUADRATIC, as Snapshot's quadratic: each voter's share of option i, s_i = w·p_i/P, enters as √s_i;
 * an option's quadratic score is Q_i = (Σ over voters of √s_i)²; and the totals are the weight cast
 * distributed in proportion to the Q_i, T·Q_i/ΣQ, so that they add up to the weight cast.
 *
 * <p>Each root is ⌊√(s_i·2^40)⌋, i.e. √s_i (in √micro-units) to 2^-20, computed exactly with integer
 * arithmetic; the sums of roots are exact longs, and Q_i and T·Q_i/ΣQ are computed with BigInteger and
 * rounded by largest remainder. A person's weight is rooted on its own, also when it followed a
 * delegate's ballot: quadratic aggregation is per person. The breakdown shows the linear allocation.
 */
final class QuadraticCount extends SplitCount {

    private final long[] roots;

    QuadraticCount(TallyInput in) {
        super(in);
        roots = new long[k];
    }

    @Override
    void add(int ballot, long w) {
        super.add(ballot, w);
        root(ballot, w, 1);
    }

    @Override
    void remove(int ballot, long w) {
        super.remove(ballot, w);
        root(ballot, w, -1);
    }

    private void root(int ballot, long w, int sign) {
        long total = in.pointSum[ballot];
        int base = in.start[ballot];
        for (int i = 0; i < k; i++) {
            int points = in.items[base + i];
            if (points == 0) {
                continue;
            }
            long product = w * points;
            long q = product / total;
            long f = ((product % total) << 40) / total; // < 2^60: the remainder is below 2^20
            // ⌊s·2^40⌋ = q·2^40 + f as a 128-bit number (hi, lo); q < 2^41
            long hi = q >>> 24;
            long lo = (q << 40) + f;
            roots[i] = Math.addExact(roots[i], sign * Micro.isqrt128(hi, lo));
        }
    }

    @Override
    Standing standing() {
        BigInteger[] q = new BigInteger[k];
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < k; i++) {
            BigInteger r = BigInteger.valueOf(roots[i]);
            q[i] = r.multiply(r);
            sum = sum.add(q[i]);
        }
        BigInteger[] numerators = new BigInteger[k];
        BigInteger t = BigInteger.valueOf(cast);
        for (int i = 0; i < k; i++) {
            numerators[i] = q[i].multiply(t);
        }
        long[] totals = Micro.apportion(numerators, sum, cast);
        TallyResult.Details details = new TallyResult.Details(null, list(allocated()), null, null, null, null, null);
        // Q_i = roots_i², so the roots order the options exactly as the totals do, without rounding
        return Standing.byKey(totals, roots.clone(), TallyResult.TieRule.LOWER_INDEX, details);
    }

    @Override
    int leader() {
        return argmax(roots);
    }
}
