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

    private Tally() {
    }

    /** Counts and explains. */
    public static TallyResult count(TallyInput in) {
        int[] target = Delegation.resolve(in.delegate, in.voted);
        long[] w = in.weight;
        Counted counted = Counted.of(in, w, target);
        Count count = counted.count();
        Electorate electorate = counted.electorate();
        Count.Standing standing = counted.standing();
        Verdict verdict = counted.verdict();
        TallyResult.Breakdown breakdown = Breakdown.of(in, count, w, target);
        TallyResult.Counterfactual counterfactual = counterfactual(in, target, verdict);
        List<TallyResult.Tie> ties = new ArrayList<>();
        if (verdict.tie != null) {
            ties.add(verdict.tie);
        }
        ties.addAll(standing.ties);
        TallyResult.Turnout turnout = turnout(electorate);
        TallyResult.DelegationSummary delegation = delegation(electorate);
        // last: the fragility search spends the count and the electorate
        TallyResult.Fragility fragility = Fragility.of(in, count, w, target, electorate, verdict);
        return new TallyResult(in.method, in.options, verdict.outcome, verdict.winner, Count.list(standing.totals),
                list(standing.ranking), turnout, verdict.quorum, verdict.threshold, verdict.protection, ties,
                standing.details, breakdown, counterfactual, delegation, fragility, in.proposal, in.ledgerHead);
    }

    /**
     * Counts only: the outcome and totals, without breakdown, counterfactual or fragility (whose fields
     * are then null). The service can use it for live turnout; the benchmarks measure it.
     */
    public static TallyResult outcome(TallyInput in) {
        Counted counted = Counted.of(in, in.weight, Delegation.resolve(in.delegate, in.voted));
        Count.Standing standing = counted.standing();
        Verdict verdict = counted.verdict();
        return new TallyResult(in.method, in.options, verdict.outcome, verdict.winner, Count.list(standing.totals),
                list(standing.ranking),
                turnout(counted.electorate()), verdict.quorum, verdict.threshold, verdict.protection,
                verdict.tie == null ? List.of() : List.of(verdict.tie), null, null, null,
                delegation(counted.electorate()), null, in.proposal, in.ledgerHead);
    }

    private static TallyResult.Counterfactual counterfactual(TallyInput in, int[] target, Verdict actual) {
        long[] unit = new long[in.n];
        for (int p = 0; p < in.n; p++) {
            unit[p] = in.weight[p] > 0 ? Micro.ONE : 0;
        }
        Counted counted = Counted.of(in, unit, target);
        Count.Standing standing = counted.standing();
        Verdict verdict = counted.verdict();
        return new TallyResult.Counterfactual(verdict.outcome, verdict.winner, Count.list(standing.totals),
                !verdict.sameAs(actual));
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
        long ppm = e.declared == 0 ? 0
                : java.math.BigInteger.valueOf(e.cast).multiply(java.math.BigInteger.valueOf(1_000_000))
                        .divide(java.math.BigInteger.valueOf(e.declared)).longValueExact();
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
