package org.devolve.tally;

/**
 * A weighting policy and, for {@link Policy#CAPPED}, its cap k (a stake level 1..5).
 *
 * @param policy how stakes become weights
 * @param cap    the cap for {@code CAPPED}; 0 otherwise
 */
public record Weighting(Policy policy, int cap) {

    /** The highest stake level. */
    public static final int MAX_STAKE = 5;

    /** SQRT's weight of each level, computed once: counts ask for them once per row, often more. */
    private static final long[] SQRT_WEIGHTS = new long[MAX_STAKE + 1];

    static {
        for (int stake = 0; stake <= MAX_STAKE; stake++) {
            long n = stake * Micro.ONE * Micro.ONE;
            long r = Micro.isqrt(n);
            // √n ≥ r + ½ ⇔ n ≥ r² + r + ¼ ⇔ n > r² + r for integers, so no tie is possible
            SQRT_WEIGHTS[stake] = n - r * r > r ? r + 1 : r;
        }
    }

    public Weighting {
        if (policy == null) {
            throw new IllegalArgumentException("policy is required");
        }
        if (policy == Policy.CAPPED ? cap < 1 || cap > MAX_STAKE : cap != 0) {
            throw new IllegalArgumentException("a cap of 1.." + MAX_STAKE + " goes with CAPPED, and only with it");
        }
    }

    public static Weighting linear() {
        return new Weighting(Policy.LINEAR, 0);
    }

    public static Weighting sqrt() {
        return new Weighting(Policy.SQRT, 0);
    }

    public static Weighting equal() {
        return new Weighting(Policy.EQUAL, 0);
    }

    public static Weighting capped(int k) {
        return new Weighting(Policy.CAPPED, k);
    }

    public static Weighting explicit() {
        return new Weighting(Policy.EXPLICIT, 0);
    }

    /**
     * The weight of a stake in micro-units. {@code SQRT} is ⌊√(s·10^12) + ½⌋, computed with an exact
     * integer square root: √2 → 1.414214, √3 → 1.732051, √5 → 2.236068.
     *
     * @throws IllegalStateException for {@code EXPLICIT}, whose weights are given, not derived
     */
    public long weightOf(int stake) {
        if (stake < 0 || stake > MAX_STAKE) {
            throw new IllegalArgumentException("stake must be 0.." + MAX_STAKE);
        }
        switch (policy) {
            case LINEAR:
                return stake * Micro.ONE;
            case SQRT:
                return SQRT_WEIGHTS[stake];
            case EQUAL:
                return stake > 0 ? Micro.ONE : 0;
            case CAPPED:
                return Math.min(stake, cap) * Micro.ONE;
            default:
                throw new IllegalStateException("EXPLICIT weights are given with each declaration");
        }
    }
}
