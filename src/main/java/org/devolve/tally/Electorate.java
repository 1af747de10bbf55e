package org.devolve.tally;

/**
 * Who took part and with what weight: the heads and weights behind turnout, quorum, protection and
 * delegation, computed in one pass over the declarations and kept up to date by the fragility search.
 */
final class Electorate {

    long cast;
    long declared;
    /** People with weight &gt; 0 who voted themselves. */
    int voters;
    /** People with weight &gt; 0 whose weight followed a delegate. */
    int delegators;
    /** People with weight &gt; 0. */
    int declarants;

    long weightMoved;
    long weightLost;
    int delegatorsLost;
    /** APPROVE_REJECT: weight cast per stake level and stance, [level·3 + stance]. */
    final long[] levelStance = new long[(Weighting.MAX_STAKE + 1) * 3];
    /** People with weight &gt; 0 per stake level. */
    final int[] levelDeclarants = new int[Weighting.MAX_STAKE + 1];

    static Electorate of(TallyInput in, long[] w, int[] target) {
        return of(in, w, target, in.stake);
    }

    /** The same, each person counted at {@code levels[p]} (the anchored counterfactual lowers some levels). */
    static Electorate of(TallyInput in, long[] w, int[] target, byte[] levels) {
        Electorate e = new Electorate();
        boolean stances = in.method == Method.APPROVE_REJECT;
        byte[] stake = levels;
        byte[] via = in.via;
        int[] choice = in.choice;
        int[] levelDeclarants = e.levelDeclarants;
        long[] levelStance = e.levelStance;
        long declared = 0;
        long cast = 0;
        int declarants = 0;
        int voters = 0;
        for (int p = 0; p < in.n; p++) {
            if (w[p] == 0) {
                continue;
            }
            int m = in.times(p); // an input in runs: row p stands for m declarations
            long weight = w[p] * m;
            int t = target[p];
            int level = stake[p];
            declared += weight;
            declarants += m;
            levelDeclarants[level] += m;
            if (t < 0) {
                if (via != null ? via[p] == TallyInput.LOST : !in.voted[p] && in.delegate[p] >= 0) {
                    e.weightLost += weight;
                    e.delegatorsLost += m;
                }
                continue;
            }
            cast += weight;
            if (t == p && (via == null || via[p] != TallyInput.FOLLOWED)) {
                voters += m;
            } else {
                e.delegators += m;
                e.weightMoved += weight;
            }
            if (stances) {
                levelStance[level * 3 + choice[t]] += weight;
            }
        }
        e.declared = declared;
        e.cast = cast;
        e.declarants = declarants;
        e.voters = voters;
        return e;
    }

    int headcount() {
        return voters + delegators;
    }

    /** Moves person {@code p} from weight {@code from} at its own level to {@code to} at {@code level}. */
    void lower(TallyInput in, int p, int target, long from, long to, int level) {
        int oldLevel = in.stake[p];
        declared += to - from;
        levelDeclarants[oldLevel]--;
        if (to == 0) {
            declarants--;
        } else {
            levelDeclarants[level]++;
        }
        if (target < 0) {
            return;
        }
        cast += to - from;
        if (to == 0) {
            if (target == p && !in.followed(p)) {
                voters--;
            } else {
                delegators--;
            }
        }
        if (in.method == Method.APPROVE_REJECT) {
            int stance = in.choice[target];
            levelStance[oldLevel * 3 + stance] -= from;
            levelStance[level * 3 + stance] += to;
        }
    }
}
