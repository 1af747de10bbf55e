package org.devolve.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fewest highest-stake declarations that, lowered to their group's suggested level, flip the
 * outcome.
 *
 * <p>The candidates are the declarations above their group's suggested level whose weight the lowering
 * reduces, voting or not (a non-voter's lowering changes the weight declared, so the turnout). They are
 * taken in one fixed greedy order: highest stake first, then largest weight reduction, then voter id
 * (see {@link #order}; in a published secret tally, whose rows have no voter ids, their place in the published
 * order instead); the answer is the shortest prefix of that order whose lowering changes the outcome (a change
 * of outcome or of winner). It is an upper bound on the true minimum, found without search over subsets.
 *
 * <p>Cost: the order is one sort, O(n log n). For every method but RANKED_IRV each prefix is checked
 * exactly and incrementally: lowering one declaration updates the count in O(options) (O(options²)
 * for the pairwise methods) and the verdict costs O(options) (O(options³) for Schulze), so the whole
 * search is O(n log n + n·options) at worst. IRV is not additive; it is recounted in full, O(n·options)
 * each, at prefix lengths 1, 2, 4, ... until one flips, then by bisection back to the shortest flipping
 * length, O(log n) recounts. IRV is not monotone, so that length may not be the shortest flipping
 * prefix; the result says which search ran.
 *
 * <p>A result is fragile whenever some prefix flips it, at any count (docs/design.md read literally: the count
 * says how many declarations decide the outcome, not whether to look at them).
 */
final class Fragility {

    /** The most voter ids a result lists; {@code count} is always the full number. */
    static final int MAX_LISTED = 100;

    private Fragility() {}

    static TallyResult.Fragility of(
            TallyInput in, Count count, long[] w, int[] target, Electorate electorate, Verdict base) {
        if (in.weighting.policy() == Policy.EXPLICIT) {
            return new TallyResult.Fragility(false, false, 0, List.of(), false, "none");
        }
        int[] order = order(in, w);
        int flipAt = in.method == Method.RANKED_IRV
                ? galloping(in, w, target, order, base)
                : exact(in, count, w, target, electorate, order, base);
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < Math.min(flipAt, MAX_LISTED) && !in.anonymous; i++) {
            voters.add(in.voters.get(order[i]));
        }
        boolean flips = flipAt > 0;
        return new TallyResult.Fragility(
                true, flips, flipAt, voters, flips, in.method == Method.RANKED_IRV ? "galloping" : "exact");
    }

    private static long lowered(TallyInput in, int p) {
        return in.weighting.weightOf(suggested(in, p));
    }

    private static int suggested(TallyInput in, int p) {
        return Math.min(in.stake[p], in.suggested[p]);
    }

    /**
     * The candidates in greedy order: highest stake, then largest reduction, then by voter id, so that the
     * order depends on the declarations and not on where they stand in the document. The id comparison is
     * by {@link String#hashCode()} (specified by the JDK, the same everywhere) and, for equal hashes, by
     * {@link String#compareTo}; a stable merge sort of row numbers by one packed long key keeps it fast.
     */
    private static int[] order(TallyInput in, long[] w) {
        int[] rows = new int[in.n];
        long[] keys = new long[in.n];
        int m = 0;
        for (int p = 0; p < in.n; p++) {
            if (in.stake[p] > suggested(in, p)) {
                long reduction = w[p] - lowered(in, p);
                if (reduction > 0) {
                    keys[p] = (long) (Weighting.MAX_STAKE - in.stake[p]) << 59
                            | (((long) Weighting.MAX_STAKE * Micro.ONE - reduction) << 32)
                            | ((in.anonymous ? p : in.voters.hash(p)) ^ 0x8000_0000L) & 0xFFFF_FFFFL;
                    rows[m++] = p;
                }
            }
        }
        rows = Arrays.copyOf(rows, m);
        if (in.anonymous) {
            int[] counted = byCounting(rows, keys);
            if (counted != null) {
                return counted;
            }
        }
        int[] scratch = new int[m];
        mergeSort(rows, scratch, 0, m, keys, in.anonymous ? null : in.voters);
        return rows;
    }

    /** The most distinct (stake, reduction) pairs {@link #byCounting} sorts by counting. */
    private static final int FEW = 64;

    /**
     * The merge sort's order for rows without voter ids, by counting: their keys' low half is the row itself, so
     * rows of one (stake, reduction) stay in row order, and under weights that follow levels there are at most 36
     * such pairs. {@code rows} come in row order. Null when there are more than {@link #FEW} pairs.
     */
    static int[] byCounting(int[] rows, long[] keys) {
        long[] pairs = new long[FEW];
        int distinct = 0;
        int[] pairOf = new int[rows.length];
        int last = -1;
        for (int i = 0; i < rows.length; i++) {
            long pair = keys[rows[i]] >>> 32;
            if (last < 0 || pairs[last] != pair) {
                last = -1;
                for (int d = 0; d < distinct && last < 0; d++) {
                    if (pairs[d] == pair) {
                        last = d;
                    }
                }
                if (last < 0) {
                    if (distinct == FEW) {
                        return null;
                    }
                    pairs[distinct] = pair;
                    last = distinct++;
                }
            }
            pairOf[i] = last;
        }
        // the pairs in ascending order of key, and where each one's rows begin
        Integer[] byKey = new Integer[distinct];
        for (int d = 0; d < distinct; d++) {
            byKey[d] = d;
        }
        long[] found = pairs;
        Arrays.sort(byKey, (a, b) -> Long.compare(found[a], found[b]));
        int[] count = new int[distinct];
        for (int d : pairOf) {
            count[d]++;
        }
        int[] next = new int[distinct];
        int at = 0;
        for (Integer d : byKey) {
            next[d] = at;
            at += count[d];
        }
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[next[pairOf[i]]++] = rows[i];
        }
        return out;
    }

    private static void mergeSort(int[] a, int[] scratch, int from, int to, long[] keys, Ids ids) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, scratch, from, mid, keys, ids);
        mergeSort(a, scratch, mid, to, keys, ids);
        System.arraycopy(a, from, scratch, from, to - from);
        int i = from;
        int j = mid;
        for (int out = from; out < to; out++) {
            if (j >= to || (i < mid && before(scratch[i], scratch[j], keys, ids))) {
                a[out] = scratch[i++];
            } else {
                a[out] = scratch[j++];
            }
        }
    }

    /** Whether row a comes no later than row b. */
    private static boolean before(int a, int b, long[] keys, Ids ids) {
        if (keys[a] != keys[b]) {
            return keys[a] < keys[b];
        }
        return ids == null ? a <= b : ids.compare(a, b) <= 0;
    }

    /**
     * Checks every prefix, updating the count in place; the count is spent afterwards. A row of an input in runs is
     * that many declarations in a row of the order, lowered one by one.
     */
    private static int exact(
            TallyInput in, Count count, long[] w, int[] target, Electorate e, int[] order, Verdict base) {
        int done = 0;
        for (int p : order) {
            int t = target[p];
            long to = lowered(in, p);
            for (int left = in.times(p); left > 0; left--) {
                if (t >= 0) {
                    count.remove(t, w[p]);
                    if (to > 0) {
                        count.add(t, to);
                    }
                }
                e.lower(in, p, t, w[p], to, suggested(in, p));
                done++;
                if (!Verdict.of(in, count, count.leader(), e).sameAs(base)) {
                    return done;
                }
            }
        }
        return 0;
    }

    private static int galloping(TallyInput in, long[] w, int[] target, int[] order, Verdict base) {
        if (in.times != null) {
            throw new IllegalStateException("ranked ballots are never counted in runs");
        }
        int m = order.length;
        if (m == 0) {
            return 0;
        }
        int below = 0;
        int length = 1;
        while (!flips(in, w, target, order, length, base)) {
            below = length;
            if (length == m) {
                return 0;
            }
            length = (int) Math.min(m, 2L * length);
        }
        int hi = length;
        int lo = below; // lo does not flip (0 never does), hi does
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (flips(in, w, target, order, mid, base)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static boolean flips(TallyInput in, long[] w, int[] target, int[] order, int length, Verdict base) {
        long[] lowered = w.clone();
        for (int i = 0; i < length; i++) {
            lowered[order[i]] = lowered(in, order[i]);
        }
        Count count = Count.of(in);
        count.addAll(lowered, target);
        Electorate e = Electorate.of(in, lowered, target);
        return !Verdict.of(in, count, count.leader(), e).sameAs(base);
    }
}
