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
        Count count = Count.of(in);
        count.addAll(w, target);
        Electorate electorate = Electorate.of(in, w, target);
        Count.Standing standing = count.standing();
        Verdict verdict = Verdict.of(in, count, standing.winner, electorate);
        TallyResult.Breakdown breakdown = Breakdown.of(in, count, w, target);
        TallyResult.Counterfactual counterfactual = counterfactual(in, target, verdict);
        List<TallyResult.Tie> ties = new ArrayList<>();
        if (verdict.tie != null) {
            ties.add(verdict.tie);
        }
        ties.addAll(standing.ties);
        TallyResult.Turnout turnout = turnout(electorate);
        TallyResult.DelegationSummary delegation = new TallyResult.DelegationSummary(electorate.weightMoved,
                electorate.delegators, electorate.weightLost, electorate.delegatorsLost);
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
        int[] target = Delegation.resolve(in.delegate, in.voted);
        Count count = Count.of(in);
        count.addAll(in.weight, target);
        Electorate electorate = Electorate.of(in, in.weight, target);
        Count.Standing standing = count.standing();
        Verdict verdict = Verdict.of(in, count, standing.winner, electorate);
        return new TallyResult(in.method, in.options, verdict.outcome, verdict.winner, Count.list(standing.totals),
                list(standing.ranking),
                turnout(electorate), verdict.quorum, verdict.threshold, verdict.protection,
                verdict.tie == null ? List.of() : List.of(verdict.tie), null, null, null,
                new TallyResult.DelegationSummary(electorate.weightMoved, electorate.delegators, electorate.weightLost,
                        electorate.delegatorsLost), null, in.proposal, in.ledgerHead);
    }

    private static TallyResult.Counterfactual counterfactual(TallyInput in, int[] target, Verdict actual) {
        long[] unit = new long[in.n];
        for (int p = 0; p < in.n; p++) {
            unit[p] = in.weight[p] > 0 ? Micro.ONE : 0;
        }
        Count count = Count.of(in);
        count.addAll(unit, target);
        Electorate electorate = Electorate.of(in, unit, target);
        Count.Standing standing = count.standing();
        Verdict verdict = Verdict.of(in, count, standing.winner, electorate);
        return new TallyResult.Counterfactual(verdict.outcome, verdict.winner, Count.list(standing.totals),
                !verdict.sameAs(actual));
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
