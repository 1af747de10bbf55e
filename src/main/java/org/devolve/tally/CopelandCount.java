package org.devolve.tally;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * COPELAND, scored as Snapshot's copeland (snapshot.js 0.17.5) scores it, so both give the same totals.
 * From the pairwise matrix d (see {@link PairwiseCount}) each option gets 2 per pairwise win and 1 per
 * pairwise tie, plus its average support as a tie-breaker: support_i / (2·(n−1)·T), where support_i =
 * Σ_j d[i][j] and T is the weight cast (at most ½, so it never overturns a victory). The totals
 * distribute T in proportion to these scores, computed exactly as the integers
 * S_i = 2(n−1)T·(2·wins_i + ties_i) + support_i, and rounded by largest remainder. With one option it
 * receives T; with nothing cast, all are 0.
 */
final class CopelandCount extends PairwiseCount {

    CopelandCount(TallyInput in) {
        super(in);
    }

    /** Victories first, support second: exactly the order of the scores S_i, since support_i &lt; 2(n−1)T. */
    @Override
    int leader() {
        if (cast == 0) {
            return -1;
        }
        int best = 0;
        long bestVictories = -1;
        long bestSupport = -1;
        for (int i = 0; i < k; i++) {
            long victories = 0;
            long support = 0;
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    long margin = d[i * k + j] - d[j * k + i];
                    victories += margin > 0 ? 2 : margin == 0 ? 1 : 0;
                    support += d[i * k + j];
                }
            }
            if (victories > bestVictories || (victories == bestVictories && support > bestSupport)) {
                best = i;
                bestVictories = victories;
                bestSupport = support;
            }
        }
        return best;
    }

    @Override
    Standing standing() {
        int[] wins = new int[k];
        int[] draws = new int[k];
        int[] losses = new int[k];
        long[] support = new long[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i == j) {
                    continue;
                }
                long margin = d[i * k + j] - d[j * k + i];
                if (margin > 0) {
                    wins[i]++;
                } else if (margin < 0) {
                    losses[i]++;
                } else {
                    draws[i]++;
                }
                support[i] += d[i * k + j];
            }
        }
        BigInteger[] scores = new BigInteger[k];
        BigInteger sum = BigInteger.ZERO;
        BigInteger scale = BigInteger.valueOf(2L * (k - 1)).multiply(BigInteger.valueOf(cast));
        long[] victories = new long[k];
        for (int i = 0; i < k; i++) {
            victories[i] = 2L * wins[i] + draws[i];
            scores[i] = scale.multiply(BigInteger.valueOf(victories[i])).add(BigInteger.valueOf(support[i]));
            sum = sum.add(scores[i]);
        }
        long[] totals;
        if (cast == 0) {
            totals = new long[k];
        } else if (k == 1) {
            totals = new long[] {cast};
        } else {
            BigInteger[] numerators = new BigInteger[k];
            for (int i = 0; i < k; i++) {
                numerators[i] = scores[i].multiply(BigInteger.valueOf(cast));
            }
            totals = Micro.apportion(numerators, sum, cast);
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = scores[b].compareTo(scores[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] ranking = new int[k];
        for (int i = 0; i < k; i++) {
            ranking[i] = order[i];
        }
        List<TallyResult.Tie> ties = new ArrayList<>();
        // equal victories are ordered by support (AVERAGE_SUPPORT); equal support as well by LOWER_INDEX
        Standing.tiesOf(ranking, (a, b) -> victories[a] == victories[b], TallyResult.TieRule.AVERAGE_SUPPORT, ties);
        Standing.tiesOf(ranking, (a, b) -> scores[a].equals(scores[b]), TallyResult.TieRule.LOWER_INDEX, ties);
        List<TallyResult.CopelandScore> table = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            table.add(new TallyResult.CopelandScore(wins[i], draws[i], losses[i], support[i]));
        }
        TallyResult.Details details =
                new TallyResult.Details(null, null, null, list(firstPreferences), matrix(d), null, table);
        return new Standing(totals, cast == 0 ? -1 : ranking[0], ranking, ties, details);
    }
}
