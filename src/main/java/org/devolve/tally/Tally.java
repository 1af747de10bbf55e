package org.devolve.tally;

import java.util.ArrayList;
import java.util.List;

/**
 * The tally engine: {@link #count(TallyInput)} turns stakes and ballots into a decision and its
 * explanation. It is deterministic and exact: the same input gives the same digits on any machine.
 *
 * <p>Steps: resolve delegation ({@link Delegation}); count every person's weight on the ballot it
 * follows ({@link Count}); decide quorum, threshold and protection ({@link Verdict}); then explain: the
 * breakdown by group and level, the one-person-one-vote counterfactual, the weight moved by delegation
 * and the fragility. Counting is O(ballots) (O(ballots·options²) for the pairwise methods,
 * O(ballots·rounds) for IRV); the explanations add one sort of the declarations.
 */
public final class Tally {

    private Tally() {}

    /**
     * Counts and explains. A secret input is counted in its published form ({@link #published}), so that the
     * published document recounts to the same result byte for byte.
     */
    public static TallyResult count(TallyInput input) {
        return explain(Secrecy.forCounting(input));
    }

    /** Counts and explains an input as it is: a public one, or a published one (in runs or row by row). */
    static TallyResult explain(TallyInput in) {
        int[] target = Delegation.resolve(in.delegate, in.voted);
        long[] w = in.weight;
        Counted counted = Counted.of(in, w, target);
        Count count = counted.count();
        Electorate electorate = counted.electorate();
        Count.Standing standing = counted.standing();
        Verdict verdict = counted.verdict();
        TallyResult.Breakdown breakdown = Breakdown.of(in, count, w, target);
        TallyResult.Counterfactual counterfactual = counterfactual(in, target, verdict);
        TallyResult.Anchored anchored = anchored(in, target, verdict);
        List<TallyResult.Tie> ties = new ArrayList<>();
        if (verdict.tie != null) {
            ties.add(verdict.tie);
        }
        ties.addAll(standing.ties);
        TallyResult.Turnout turnout = turnout(electorate);
        TallyResult.DelegationSummary delegation = delegation(electorate);
        TallyResult.SecrecyReport secrecy = in.secret ? secrecy(in, standing, breakdown, electorate, target) : null;
        // last: the fragility search spends the count and the electorate
        TallyResult.Fragility fragility = Fragility.of(in, count, w, target, electorate, verdict);
        return new TallyResult(
                in.method,
                in.options,
                verdict.outcome,
                verdict.winner,
                Count.list(standing.totals),
                list(standing.ranking),
                turnout,
                verdict.quorum,
                verdict.threshold,
                verdict.protection,
                ties,
                standing.details,
                breakdown,
                counterfactual,
                anchored,
                delegation,
                fragility,
                secrecy,
                in.proposal,
                in.ledgerHead);
    }

    /**
     * The input as a tally document publishes it: for a secret input, anonymous rows generalized so that no row
     * narrows its ballot below k declarations beyond what the weighting singles out ({@link Secrecy}); a public
     * input as it is.
     */
    public static TallyInput published(TallyInput in) {
        return Secrecy.publish(in);
    }

    /**
     * Every declaration above its group's suggested level counted at that level; not applicable (null) under
     * EXPLICIT weighting, where weights do not follow stakes.
     */
    private static TallyResult.Anchored anchored(TallyInput in, int[] target, Verdict actual) {
        if (in.weighting.policy() == Policy.EXPLICIT) {
            return null;
        }
        long[] anchoredWeight = new long[in.n];
        byte[] levels = new byte[in.n];
        int lowered = 0;
        long removed = 0;
        for (int p = 0; p < in.n; p++) {
            int level = Math.min(in.stake[p], in.suggested[p]);
            long a = in.weighting.weightOf(level);
            levels[p] = (byte) level;
            anchoredWeight[p] = a;
            if (a < in.weight[p]) {
                int m = in.times(p);
                lowered += m;
                removed += (in.weight[p] - a) * m;
            }
        }
        Count count = Count.of(in);
        count.addAll(anchoredWeight, target);
        Electorate electorate = Electorate.of(in, anchoredWeight, target, levels);
        Count.Standing standing = count.standing();
        Verdict verdict = Verdict.of(in, count, standing.winner, electorate);
        return new TallyResult.Anchored(
                verdict.outcome,
                verdict.winner,
                Count.list(standing.totals),
                !verdict.sameAs(actual),
                lowered,
                removed);
    }

    /** What the published tally of a secret proposal still reveals. */
    private static TallyResult.SecrecyReport secrecy(
            TallyInput in,
            Count.Standing standing,
            TallyResult.Breakdown breakdown,
            Electorate electorate,
            int[] target) {
        List<TallyResult.Unanimous> unanimous = new ArrayList<>();
        boolean single = in.method.ballot == Method.Ballot.STANCE || in.method.ballot == Method.Ballot.CHOICE;
        if (single) {
            int only = onlyNonZero(standing.totals);
            if (only >= 0 && electorate.headcount() > 0) {
                unanimous.add(new TallyResult.Unanimous("all", "all", "all", electorate.headcount(), only));
            }
            unanimousCells("byGroup", breakdown.byGroup(), unanimous);
            unanimousCells("byLevel", breakdown.byLevel(), unanimous);
        }
        long firstWeight = -1;
        boolean unequal = false;
        for (int p = 0; p < in.n && !unequal; p++) {
            if (target[p] >= 0 && in.weight[p] > 0) {
                if (firstWeight >= 0 && in.weight[p] != firstWeight) {
                    unequal = true;
                }
                firstWeight = in.weight[p];
            }
        }
        return new TallyResult.SecrecyReport(in.minCellVoters, Secrecy.smallClasses(in), unanimous, unequal);
    }

    private static void unanimousCells(String name, List<TallyResult.Cell> cells, List<TallyResult.Unanimous> out) {
        for (TallyResult.Cell c : cells) {
            long[] totals = c.totals().stream().mapToLong(Long::longValue).toArray();
            int only = onlyNonZero(totals);
            if (only >= 0 && c.voters() > 0) {
                out.add(new TallyResult.Unanimous(name, c.key(), c.name(), c.voters(), only));
            }
        }
    }

    /** The index of the only non-zero entry, or -1. */
    private static int onlyNonZero(long[] values) {
        int found = -1;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    /**
     * Counts only: the outcome and totals, without breakdown, counterfactual or fragility (whose fields
     * are then null). The service can use it for live turnout; the benchmarks measure it.
     */
    public static TallyResult outcome(TallyInput in) {
        Counted counted = Counted.of(in, in.weight, Delegation.resolve(in.delegate, in.voted));
        Count.Standing standing = counted.standing();
        Verdict verdict = counted.verdict();
        return new TallyResult(
                in.method,
                in.options,
                verdict.outcome,
                verdict.winner,
                Count.list(standing.totals),
                list(standing.ranking),
                turnout(counted.electorate()),
                verdict.quorum,
                verdict.threshold,
                verdict.protection,
                verdict.tie == null ? List.of() : List.of(verdict.tie),
                null,
                null,
                null,
                null,
                delegation(counted.electorate()),
                null,
                null,
                in.proposal,
                in.ledgerHead);
    }

    private static TallyResult.Counterfactual counterfactual(TallyInput in, int[] target, Verdict actual) {
        long[] unit = new long[in.n];
        for (int p = 0; p < in.n; p++) {
            unit[p] = in.weight[p] > 0 ? Micro.ONE : 0;
        }
        Counted counted = Counted.of(in, unit, target);
        Count.Standing standing = counted.standing();
        Verdict verdict = counted.verdict();
        return new TallyResult.Counterfactual(
                verdict.outcome, verdict.winner, Count.list(standing.totals), !verdict.sameAs(actual));
    }

    /** The ballots counted with weights {@code w} (delegations resolved to {@code target}), and their verdict. */
    private record Counted(Count count, Electorate electorate, Count.Standing standing, Verdict verdict) {
        static Counted of(TallyInput in, long[] w, int[] target) {
            Count count = Count.of(in);
            count.addAll(w, target);
            Electorate electorate = Electorate.of(in, w, target);
            Count.Standing standing = count.standing();
            return new Counted(count, electorate, standing, Verdict.of(in, count, standing.winner, electorate));
        }
    }

    private static TallyResult.DelegationSummary delegation(Electorate e) {
        return new TallyResult.DelegationSummary(e.weightMoved, e.delegators, e.weightLost, e.delegatorsLost);
    }

    private static TallyResult.Turnout turnout(Electorate e) {
        long ppm = e.declared == 0
                ? 0
                : java.math.BigInteger.valueOf(e.cast)
                        .multiply(java.math.BigInteger.valueOf(1_000_000))
                        .divide(java.math.BigInteger.valueOf(e.declared))
                        .longValueExact();
        return new TallyResult.Turnout(e.cast, e.declared, ppm, e.voters, e.delegators, e.headcount(), e.declarants);
    }

    private static List<Integer> list(int[] values) {
        List<Integer> out = new ArrayList<>(values.length);
        for (int v : values) {
            out.add(v);
        }
        return out;
    }
}
