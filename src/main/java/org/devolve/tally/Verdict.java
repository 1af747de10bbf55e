package org.devolve.tally;

import java.util.List;

/**
 * The decision read off a count and its electorate: quorum, threshold, protection, outcome.
 *
 * <p>Quorum: met when some weight was cast, weight cast ≥ q × weight declared (compared exactly), and
 * the headcount (voters + delegators counted) reaches the minimum. A tally with no weight cast is
 * NO_QUORUM whatever q is.
 */
final class Verdict {

    final TallyResult.Outcome outcome;
    final int winner;
    final TallyResult.QuorumCheck quorum;
    final TallyResult.ThresholdCheck threshold;
    final TallyResult.ProtectionCheck protection;
    final TallyResult.Tie tie;

    private Verdict(
            TallyResult.Outcome outcome,
            int winner,
            TallyResult.QuorumCheck quorum,
            TallyResult.ThresholdCheck threshold,
            TallyResult.ProtectionCheck protection,
            TallyResult.Tie tie) {
        this.outcome = outcome;
        this.winner = winner;
        this.quorum = quorum;
        this.threshold = threshold;
        this.protection = protection;
        this.tie = tie;
    }

    boolean sameAs(Verdict other) {
        return outcome == other.outcome && winner == other.winner;
    }

    /** Decides; {@code leader} is the count's winner (ignored for APPROVE_REJECT). */
    static Verdict of(TallyInput in, Count count, int leader, Electorate e) {
        boolean turnoutMet = Micro.productAtLeast(e.cast, 1_000_000, in.quorumPpm, e.declared);
        boolean headcountMet = e.headcount() >= in.quorumHeadcount;
        TallyResult.QuorumCheck quorum = new TallyResult.QuorumCheck(
                in.quorumPpm, in.quorumHeadcount, turnoutMet, headcountMet, turnoutMet && headcountMet && e.cast > 0);
        if (in.method != Method.APPROVE_REJECT) {
            return quorum.met()
                    ? new Verdict(TallyResult.Outcome.WINNER, leader, quorum, null, null, null)
                    : new Verdict(TallyResult.Outcome.NO_QUORUM, -1, quorum, null, null, null);
        }
        ChoiceCount stances = (ChoiceCount) count;
        long pro = stances.total(Stance.FOR);
        long con = stances.total(Stance.AGAINST);
        Threshold rule = in.threshold == null ? Threshold.SIMPLE_MAJORITY : in.threshold;
        boolean met;
        TallyResult.Tie tie = null;
        switch (rule) {
            case SIMPLE_MAJORITY:
                met = pro > con;
                if (pro == con) {
                    tie = new TallyResult.Tie("threshold", 0, List.of(), -1, TallyResult.TieRule.STATUS_QUO);
                }
                break;
            case TWO_THIRDS:
                met = pro > 0 && pro >= 2 * con;
                break;
            default:
                met = !Micro.productAtLeast(con, 1_000_000, in.objectionPpm, e.cast);
        }
        TallyResult.ThresholdCheck threshold = new TallyResult.ThresholdCheck(rule, in.objectionPpm, met);
        TallyResult.ProtectionCheck protection = in.protection == null ? null : protection(in.protection, e);
        TallyResult.Outcome outcome = !quorum.met()
                ? TallyResult.Outcome.NO_QUORUM
                : met && (protection == null || protection.met())
                        ? TallyResult.Outcome.ADOPTED
                        : TallyResult.Outcome.REJECTED;
        return new Verdict(outcome, -1, quorum, threshold, protection, tie);
    }

    private static TallyResult.ProtectionCheck protection(Protection rule, Electorate e) {
        int from = rule.floorLevel();
        if (from == 0) {
            for (int level = Weighting.MAX_STAKE; level >= 1; level--) {
                if (e.levelDeclarants[level] > 0) {
                    from = level;
                    break;
                }
            }
        }
        long[] sums = new long[3];
        for (int level = Math.max(from, 1); from > 0 && level <= Weighting.MAX_STAKE; level++) {
            for (int s = 0; s < 3; s++) {
                sums[s] += e.levelStance[level * 3 + s];
            }
        }
        long protectedCast = sums[0] + sums[1] + sums[2];
        boolean met = rule.rule() == Protection.Rule.MAJORITY
                ? sums[0] > sums[1]
                : !Micro.productAbove(sums[1], 1_000_000, rule.objectionPpm(), protectedCast);
        return new TallyResult.ProtectionCheck(rule.rule(), rule.objectionPpm(), from, Count.list(sums), met);
    }
}
