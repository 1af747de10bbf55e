package org.devolve.tally;

import java.util.ArrayList;
import java.util.List;

/**
 * RANKED_SCHULZE: Schulze's beatpath method on the weighted pairwise matrix d (see
 * {@link PairwiseCount}). The strength of a direct link i→j is d[i][j] when d[i][j] &gt; d[j][i], else 0
 * (winning votes); p[i][j] is the strength of the strongest path, found by the Floyd–Warshall widest-path
 * recurrence in O(options³). Option i ranks above j when p[i][j] &gt; p[j][i]; that relation is transitive,
 * so the options are ranked by how many others they beat. Options that beat the same number are ordered
 * by lower index, and the tie is reported. The totals are the weighted first preferences.
 */
final class SchulzeCount extends PairwiseCount {

    SchulzeCount(TallyInput in) {
        super(in);
    }

    long[] strongestPaths() {
        long[] p = new long[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j && d[i * k + j] > d[j * k + i]) {
                    p[i * k + j] = d[i * k + j];
                }
            }
        }
        for (int via = 0; via < k; via++) {
            for (int i = 0; i < k; i++) {
                if (i == via) {
                    continue;
                }
                long toVia = p[i * k + via];
                if (toVia == 0) {
                    continue;
                }
                for (int j = 0; j < k; j++) {
                    if (j != i && j != via) {
                        long through = Math.min(toVia, p[via * k + j]);
                        if (through > p[i * k + j]) {
                            p[i * k + j] = through;
                        }
                    }
                }
            }
        }
        return p;
    }

    @Override
    int leader() {
        if (cast == 0) {
            return -1;
        }
        long[] beats = beats(strongestPaths());
        return argmax(beats);
    }

    private long[] beats(long[] p) {
        long[] beats = new long[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j && p[i * k + j] > p[j * k + i]) {
                    beats[i]++;
                }
            }
        }
        return beats;
    }

    @Override
    Standing standing() {
        long[] p = strongestPaths();
        long[] beats = beats(p);
        int[] ranking = Standing.rank(beats);
        List<TallyResult.Tie> ties = new ArrayList<>();
        Standing.tiesOf(ranking, (a, b) -> beats[a] == beats[b], TallyResult.TieRule.LOWER_INDEX, ties);
        TallyResult.Details details =
                new TallyResult.Details(null, null, null, list(firstPreferences), matrix(d), matrix(p), null);
        return new Standing(firstPreferences.clone(), cast == 0 ? -1 : ranking[0], ranking, ties, details);
    }
}
