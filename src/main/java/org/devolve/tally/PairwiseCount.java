package org.devolve.tally;

import java.util.ArrayList;
import java.util.List;

/**
 * The weighted pairwise matrix of ranked ballots: d[i][j] is the weight of ballots preferring i to j.
 * A ranked option is preferred to every option the ballot leaves unranked; unranked options are tied
 * with each other. Adding a ballot costs O(options²).
 */
abstract class PairwiseCount extends Count {

    /** d[i·k + j]. */
    final long[] d;

    final long[] firstPreferences;
    private final int[] stamp;
    private int stampValue;

    PairwiseCount(TallyInput in) {
        super(in);
        d = new long[k * k];
        firstPreferences = new long[k];
        stamp = new int[k];
    }

    @Override
    void add(int ballot, long w) {
        pairs(ballot, w);
        cast += w;
    }

    @Override
    void remove(int ballot, long w) {
        pairs(ballot, -w);
        cast -= w;
    }

    /** Adds delegated weight to its ballot first, so each ballot's pairs are counted once. */
    @Override
    void addAll(long[] weights, int[] target) {
        long[] perBallot = new long[in.n];
        for (int p = 0; p < target.length; p++) {
            if (target[p] >= 0) {
                perBallot[target[p]] += weights[p];
            }
        }
        for (int b = 0; b < perBallot.length; b++) {
            if (perBallot[b] > 0) {
                add(b, perBallot[b]);
            }
        }
    }

    private void pairs(int ballot, long w) {
        int s = in.start[ballot];
        int e = in.start[ballot + 1];
        int[] items = in.items;
        stampValue++;
        for (int a = s; a < e; a++) {
            int above = items[a];
            stamp[above] = stampValue;
            int row = above * k;
            for (int c = a + 1; c < e; c++) {
                d[row + items[c]] += w;
            }
        }
        if (e - s < k) {
            for (int u = 0; u < k; u++) {
                if (stamp[u] != stampValue) {
                    for (int a = s; a < e; a++) {
                        d[items[a] * k + u] += w;
                    }
                }
            }
        }
        firstPreferences[items[s]] += w;
    }

    List<List<Long>> matrix(long[] m) {
        List<List<Long>> rows = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            List<Long> row = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                row.add(m[i * k + j]);
            }
            rows.add(row);
        }
        return rows;
    }

    @Override
    String measure() {
        return "first_preference_weight";
    }

    @Override
    void measure(int ballot, long w, long[] row) {
        row[in.items[in.start[ballot]]] += w;
    }
}
