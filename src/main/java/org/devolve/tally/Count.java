package org.devolve.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The running count of one method: weight is added (and, for the fragility search, removed) one person
 * at a time as {@code (ballot row, weight)}, and {@link #standing()} reads the totals, winner and
 * ranking off the accumulators. Every method but IRV is additive here, so {@code remove} undoes
 * {@code add} exactly and a changed weight costs O(options) (O(options²) for pairwise methods).
 */
abstract class Count {

    final TallyInput in;
    final int k;
    /** The weight added so far. */
    long cast;

    Count(TallyInput in) {
        this.in = in;
        this.k = in.k;
    }

    static Count of(TallyInput in) {
        switch (in.method) {
            case APPROVE_REJECT:
            case SINGLE_CHOICE:
                return new ChoiceCount(in);
            case APPROVAL:
                return new ApprovalCount(in);
            case SCORE:
                return new ScoreCount(in);
            case SPLIT:
                return new SplitCount(in);
            case QUADRATIC:
                return new QuadraticCount(in);
            case RANKED_IRV:
                return new IrvCount(in);
            case RANKED_SCHULZE:
                return new SchulzeCount(in);
            case COPELAND:
                return new CopelandCount(in);
            default:
                throw new IllegalStateException(in.method.name());
        }
    }

    /** Counts weight {@code w} for the ballot in row {@code ballot}. */
    abstract void add(int ballot, long w);

    /** Undoes {@link #add(int, long)} with the same arguments. */
    abstract void remove(int ballot, long w);

    /**
     * Adds every person: {@code weights[p]} for the ballot {@code target[p]} (-1: not cast), as many times as row
     * {@code p} counts ({@link TallyInput#times}: an input in runs holds one-number ballots only, whose count is
     * additive, so a run adds its weight times its length).
     */
    void addAll(long[] weights, int[] target) {
        for (int p = 0; p < target.length; p++) {
            int t = target[p];
            if (t >= 0 && weights[p] > 0) {
                add(t, weights[p] * in.times(p));
            }
        }
    }

    /** The totals, winner, ranking and details of the count so far. */
    abstract Standing standing();

    /** The winning option (-1 for APPROVE_REJECT); cheaper than {@link #standing()} where it can be. */
    int leader() {
        return standing().winner;
    }

    /** The name of the additive measure shown in breakdown cells. */
    abstract String measure();

    /** Adds the measure of weight {@code w} on ballot {@code ballot} to a cell row of {@link #measureWidth()}. */
    abstract void measure(int ballot, long w, long[] row);

    int measureWidth() {
        return k;
    }

    /** Rounds measure rows (one per cell) to micro-units whose columns add up to {@code totals}. */
    long[][] finishMeasure(long[][] rows, long[] totals) {
        return rows;
    }

    /** The measure over everyone counted. */
    long[] measureTotals(long[] sumRow) {
        return sumRow;
    }

    /** What {@link #standing()} found. */
    static final class Standing {
        final long[] totals;
        final int winner;
        final int[] ranking;
        final List<TallyResult.Tie> ties;
        final TallyResult.Details details;

        Standing(long[] totals, int winner, int[] ranking, List<TallyResult.Tie> ties, TallyResult.Details details) {
            this.totals = totals;
            this.winner = winner;
            this.ranking = ranking;
            this.ties = ties;
            this.details = details;
        }

        /** Ranks options by {@code key} (highest first; equal keys: lower index first) and reports the ties. */
        static Standing byKey(long[] totals, long[] key, TallyResult.TieRule rule, TallyResult.Details details) {
            int[] ranking = rank(key);
            List<TallyResult.Tie> ties = new ArrayList<>();
            tiesOf(ranking, (a, b) -> key[a] == key[b], rule, ties);
            return new Standing(totals, ranking.length == 0 ? -1 : ranking[0], ranking, ties, details);
        }

        static int[] rank(long[] key) {
            Integer[] order = new Integer[key.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> key[a] != key[b] ? Long.compare(key[b], key[a]) : Integer.compare(a, b));
            int[] out = new int[order.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = order[i];
            }
            return out;
        }

        /** Reports each run of equal options in {@code ranking}; the run at the top is the "winner" tie. */
        static void tiesOf(
                int[] ranking,
                BiPredicate<Integer, Integer> equal,
                TallyResult.TieRule rule,
                List<TallyResult.Tie> ties) {
            int i = 0;
            while (i < ranking.length) {
                int j = i + 1;
                while (j < ranking.length && equal.test(ranking[i], ranking[j])) {
                    j++;
                }
                if (j - i > 1) {
                    List<Integer> tied = new ArrayList<>();
                    for (int x = i; x < j; x++) {
                        tied.add(ranking[x]);
                    }
                    ties.add(new TallyResult.Tie(i == 0 ? "winner" : "ranking", 0, tied, ranking[i], rule));
                }
                i = j;
            }
        }
    }

    static List<Long> list(long[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    static int argmax(long[] values) {
        int best = values.length == 0 ? -1 : 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    static TallyResult.Details noDetails() {
        return new TallyResult.Details(null, null, null, null, null, null, null);
    }
}
