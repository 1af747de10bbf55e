package org.devolve.tally;

import java.util.ArrayList;
import java.util.List;

/**
 * RANKED_IRV, counted as Snapshot's ranked-choice (snapshot.js 0.17.5) counts, so that both give the
 * same final-round totals:
 * <ol>
 * <li>each round, every ballot counts for its highest-ranked option not yet eliminated; a ballot with
 *     none left is exhausted and leaves the count;</li>
 * <li>the standing options are those not yet eliminated that some counted ballot ranks at all (with
 *     full rankings: every option not eliminated); a standing option may hold no weight this round;</li>
 * <li>the count stops when an option holds more than half the weight still counted, or when fewer
 *     than three options stand;</li>
 * <li>otherwise the standing option with the least weight is eliminated (one a round); among equals,
 *     the lowest index ({@link TallyResult.TieRule#ELIMINATE_LOWER_INDEX}).</li>
 * </ol>
 * The totals are the final round's; the winner is its largest (equals: lower index). The ranking lists
 * the options not eliminated by their final-round weight, then the eliminated ones, last eliminated
 * first. Each round costs O(ballots) with a per-ballot cursor that only moves forward.
 */
final class IrvCount extends Count {

    private final long[] ballotWeight;
    /** After {@link #standing()}: each ballot's option in the final round, or -1 when exhausted. */
    private int[] finalOption;

    IrvCount(TallyInput in) {
        super(in);
        ballotWeight = new long[in.n];
    }

    @Override
    void add(int ballot, long w) {
        ballotWeight[ballot] += w;
        cast += w;
    }

    @Override
    void remove(int ballot, long w) {
        ballotWeight[ballot] -= w;
        cast -= w;
    }

    @Override
    Standing standing() {
        int n = in.n;
        int[] start = in.start;
        int[] items = in.items;
        int[] cursor = new int[n];
        for (int b = 0; b < n; b++) {
            cursor[b] = start[b];
        }
        boolean[] eliminated = new boolean[k];
        boolean[] ranked = new boolean[k];
        for (int b = 0; b < n; b++) {
            if (ballotWeight[b] != 0) {
                for (int x = start[b]; x < start[b + 1]; x++) {
                    ranked[items[x]] = true;
                }
            }
        }
        List<TallyResult.Round> rounds = new ArrayList<>();
        List<Integer> eliminationOrder = new ArrayList<>();
        List<TallyResult.Tie> ties = new ArrayList<>();
        long[] counts;
        while (true) {
            counts = new long[k];
            long counted = 0;
            long exhausted = 0;
            for (int b = 0; b < n; b++) {
                long w = ballotWeight[b];
                if (w == 0) {
                    continue;
                }
                int c = cursor[b];
                int end = start[b + 1];
                while (c < end && eliminated[items[c]]) {
                    c++;
                }
                cursor[b] = c;
                if (c == end) {
                    exhausted += w;
                    continue;
                }
                int option = items[c];
                counts[option] += w;
                counted += w;
            }
            int standingCount = 0;
            int top = -1;
            int bottom = -1;
            for (int o = 0; o < k; o++) {
                if (eliminated[o] || !ranked[o]) {
                    continue;
                }
                standingCount++;
                if (top < 0 || counts[o] > counts[top]) {
                    top = o;
                }
                if (bottom < 0 || counts[o] < counts[bottom]) {
                    bottom = o;
                }
            }
            boolean last = standingCount < 3 || (top >= 0 && Micro.productAbove(counts[top], 2, counted, 1));
            if (last) {
                rounds.add(new TallyResult.Round(list(counts), exhausted, -1));
                break;
            }
            List<Integer> tiedBottom = new ArrayList<>();
            for (int o = 0; o < k; o++) {
                if (!eliminated[o] && ranked[o] && counts[o] == counts[bottom]) {
                    tiedBottom.add(o);
                }
            }
            if (tiedBottom.size() > 1) {
                ties.add(new TallyResult.Tie(
                        "elimination",
                        rounds.size() + 1,
                        tiedBottom,
                        bottom,
                        TallyResult.TieRule.ELIMINATE_LOWER_INDEX));
            }
            rounds.add(new TallyResult.Round(list(counts), exhausted, bottom));
            eliminated[bottom] = true;
            eliminationOrder.add(bottom);
        }
        finalOption = new int[n];
        for (int b = 0; b < n; b++) {
            finalOption[b] = cursor[b] < start[b + 1] ? items[cursor[b]] : -1;
        }
        int[] ranking = ranking(counts, eliminated, eliminationOrder, ties);
        // the first round counts each ballot for its first preference: nothing is eliminated yet
        TallyResult.Details details =
                new TallyResult.Details(null, null, rounds, rounds.get(0).totals(), null, null, null);
        int winner = cast == 0 ? -1 : ranking[0];
        return new Standing(counts, winner, ranking, ties, details);
    }

    private int[] ranking(long[] counts, boolean[] eliminated, List<Integer> order, List<TallyResult.Tie> ties) {
        long[] key = new long[k];
        for (int o = 0; o < k; o++) {
            key[o] = eliminated[o] ? order.indexOf(o) - order.size() : counts[o]; // last eliminated: -1
        }
        int[] ranking = Standing.rank(key);
        Standing.tiesOf(ranking, (a, b) -> key[a] == key[b], TallyResult.TieRule.LOWER_INDEX, ties);
        return ranking;
    }

    @Override
    String measure() {
        return "final_round_weight";
    }

    /** Valid after {@link #standing()}. */
    @Override
    void measure(int ballot, long w, long[] row) {
        int option = finalOption[ballot];
        if (option >= 0) {
            row[option] += w;
        }
    }
}
