package org.devolve.tally;

import java.util.List;

/**
 * The result of a tally: the outcome and everything that explains it. Weights and totals are
 * micro-units ({@code long}); {@code org.devolve.tally.io.ResultJson} writes them as decimal strings with six
 * decimals.
 *
 * @param method         the voting method
 * @param options        the option names (FOR, AGAINST, ABSTAIN for APPROVE_REJECT)
 * @param outcome        ADOPTED / REJECTED (APPROVE_REJECT), WINNER (other methods) or NO_QUORUM
 * @param winner         the winning option's index, or -1 (APPROVE_REJECT, NO_QUORUM)
 * @param totals         the method's total per option (see docs/tally-format.md for each method)
 * @param ranking        option indices from first to last (empty for APPROVE_REJECT)
 * @param turnout        weight cast and declared, and heads
 * @param quorum         the quorum and whether it was met
 * @param threshold      the APPROVE_REJECT threshold check, or null
 * @param protection     the protection check, or null when none was configured
 * @param ties           every tie met on the way, with the rule that resolved it
 * @param details        method-specific explanation (IRV rounds, pairwise matrices, ...)
 * @param breakdown      the measure per affected group and per stake level
 * @param counterfactual the same ballots counted one person, one vote
 * @param anchored       the same ballots with every declaration above its group's suggested level counted at it
 * @param delegation     how much weight moved through delegation
 * @param fragility      the fewest highest-stake declarations whose lowering flips the outcome
 * @param secrecy        secret ballots: what the published tally can still reveal; null for public ones
 * @param proposal       the proposal id, when the input named it
 * @param ledgerHead     the ledger head the tally was computed from, when the input named it
 */
public record TallyResult(
        Method method,
        List<String> options,
        Outcome outcome,
        int winner,
        List<Long> totals,
        List<Integer> ranking,
        Turnout turnout,
        QuorumCheck quorum,
        ThresholdCheck threshold,
        ProtectionCheck protection,
        List<Tie> ties,
        Details details,
        Breakdown breakdown,
        Counterfactual counterfactual,
        Anchored anchored,
        DelegationSummary delegation,
        Fragility fragility,
        SecrecyReport secrecy,
        String proposal,
        String ledgerHead) {

    public TallyResult {
        options = List.copyOf(options);
        totals = List.copyOf(totals);
        ranking = List.copyOf(ranking);
        ties = List.copyOf(ties);
    }

    /** What was decided. */
    public enum Outcome {
        ADOPTED,
        REJECTED,
        WINNER,
        NO_QUORUM
    }

    /**
     * @param weightCast     the weight of every ballot counted, own and delegated
     * @param weightDeclared the weight of every declaration, voting or not
     * @param turnoutPpm     weight cast ÷ weight declared in parts per million, rounded down
     * @param voters         people with weight &gt; 0 who cast a ballot themselves
     * @param delegators     people with weight &gt; 0 whose weight followed a delegate's ballot
     * @param headcount      voters + delegators: the people counted
     * @param declarants     people with weight &gt; 0
     */
    public record Turnout(
            long weightCast,
            long weightDeclared,
            long turnoutPpm,
            int voters,
            int delegators,
            int headcount,
            int declarants) {}

    /**
     * @param turnoutPpm        the turnout required, parts per million
     * @param headcount         the headcount required
     * @param turnoutMet        whether weight cast ≥ turnoutPpm × weight declared
     * @param headcountMet      whether enough people were counted
     * @param met               both, and some weight was cast
     */
    public record QuorumCheck(long turnoutPpm, int headcount, boolean turnoutMet, boolean headcountMet, boolean met) {}

    /**
     * @param rule         the threshold
     * @param objectionPpm the consent objection fraction x, parts per million (0 unless CONSENT)
     * @param met          whether the totals pass it
     */
    public record ThresholdCheck(Threshold rule, long objectionPpm, boolean met) {}

    /**
     * @param rule         what the protected levels must show
     * @param objectionPpm x for NO_OBJECTION
     * @param fromLevel    the lowest protected level (0 when no weight was declared)
     * @param totals       FOR, AGAINST, ABSTAIN among the weight cast at the protected levels
     * @param met          whether the protected levels show it
     */
    public record ProtectionCheck(
            Protection.Rule rule, long objectionPpm, int fromLevel, List<Long> totals, boolean met) {
        public ProtectionCheck {
            totals = List.copyOf(totals);
        }
    }

    /**
     * A tie and how it was resolved.
     *
     * @param stage   where it arose: "winner", "ranking", "elimination" (IRV, with round), "threshold"
     * @param round   the IRV round (1-based), or 0
     * @param options the tied options (empty for a FOR/AGAINST tie)
     * @param chosen  the option the rule put first (eliminated, for "elimination"), or -1
     * @param rule    the rule that resolved it
     */
    public record Tie(String stage, int round, List<Integer> options, int chosen, TieRule rule) {
        public Tie {
            options = List.copyOf(options);
        }
    }

    /** The documented tie rules. */
    public enum TieRule {
        /** Among tied options, the lower option index comes first. */
        LOWER_INDEX,
        /** IRV: among options tied for fewest votes, the lowest index is eliminated (Snapshot's rule). */
        ELIMINATE_LOWER_INDEX,
        /** Copeland: equal pairwise scores are ordered by average support, then by lower index. */
        AVERAGE_SUPPORT,
        /** APPROVE_REJECT: an exact FOR/AGAINST tie does not adopt; the status quo stands. */
        STATUS_QUO
    }

    /**
     * Method-specific explanation; members that do not apply are null.
     *
     * @param scoreMeans       SCORE: the weighted mean score per option, micro-points (6 decimals)
     * @param allocated        QUADRATIC: the weight allocated per option before the square-root aggregation
     * @param rounds           RANKED_IRV: each round's totals and the option eliminated after it
     * @param firstPreferences ranked methods: the weight ranking each option first
     * @param pairwise         RANKED_SCHULZE, COPELAND: d[i][j], the weight preferring i to j
     * @param strongestPaths   RANKED_SCHULZE: p[i][j], the strength of the strongest path from i to j
     * @param copeland         COPELAND: wins, ties, losses and support per option
     */
    public record Details(
            List<Long> scoreMeans,
            List<Long> allocated,
            List<Round> rounds,
            List<Long> firstPreferences,
            List<List<Long>> pairwise,
            List<List<Long>> strongestPaths,
            List<CopelandScore> copeland) {}

    /**
     * One IRV round.
     *
     * @param totals     the weight counting for each option this round
     * @param exhausted  the weight of ballots with no continuing option left
     * @param eliminated the option eliminated after this round, or -1 for the final round
     */
    public record Round(List<Long> totals, long exhausted, int eliminated) {
        public Round {
            totals = List.copyOf(totals);
        }
    }

    /**
     * @param wins    pairwise victories
     * @param ties    pairwise ties
     * @param losses  pairwise defeats
     * @param support the weight preferring this option to another, summed over its matchups
     */
    public record CopelandScore(int wins, int ties, int losses, long support) {}

    /**
     * The breakdown of the method's additive measure by affected group and by stake level. Each column of
     * cells adds up exactly to {@code totals}.
     *
     * @param measure        what a cell's per-option numbers are (see docs/tally-format.md)
     * @param secret         whether cells of fewer than {@code minCellVoters} voters were merged into "other"
     * @param minCellVoters  k
     * @param totals         the measure over everyone counted
     * @param byGroup        one cell per affected group (secret: small ones merged)
     * @param byLevel        one cell per stake level 1..5 (secret: small ones merged)
     */
    public record Breakdown(
            String measure,
            boolean secret,
            int minCellVoters,
            List<Long> totals,
            List<Cell> byGroup,
            List<Cell> byLevel) {
        public Breakdown {
            totals = List.copyOf(totals);
            byGroup = List.copyOf(byGroup);
            byLevel = List.copyOf(byLevel);
        }
    }

    /**
     * @param key            the group id, the level ("1".."5"), or "other"
     * @param name           the group name, "level N", or "other"
     * @param voters         people counted in the cell
     * @param weightCast     their weight
     * @param weightDeclared the weight declared in the cell
     * @param totals         the measure per option
     */
    public record Cell(String key, String name, int voters, long weightCast, long weightDeclared, List<Long> totals) {
        public Cell {
            totals = List.copyOf(totals);
        }
    }

    /**
     * The same ballots counted one person, one vote: everyone counted with weight &gt; 0 weighs 1.
     *
     * @param outcome         the outcome it gives
     * @param winner          its winner, or -1
     * @param totals          its totals
     * @param changesOutcome  whether weighting by stake changed the outcome
     */
    public record Counterfactual(Outcome outcome, int winner, List<Long> totals, boolean changesOutcome) {
        public Counterfactual {
            totals = List.copyOf(totals);
        }
    }

    /**
     * The same ballots with every declaration above its group's suggested level counted at that level (the
     * "anchored" counterfactual): what the result would have been had nobody claimed more than their group's
     * suggested stake.
     *
     * @param outcome        the outcome it gives
     * @param winner         its winner, or -1
     * @param totals         its totals
     * @param changesOutcome whether it differs from the result
     * @param lowered        the declarations it lowers (those whose weight the lowering reduces)
     * @param weightRemoved  the weight those lowerings take off the weight declared
     */
    public record Anchored(
            Outcome outcome, int winner, List<Long> totals, boolean changesOutcome, int lowered, long weightRemoved) {
        public Anchored {
            totals = List.copyOf(totals);
        }
    }

    /**
     * What the published tally of a secret proposal can still reveal, said plainly.
     *
     * @param minCellVoters  k
     * @param smallClasses   the classes of declarations that fewer than k share: their weight (and level or
     *                       group, where it cannot be hidden) singles them out, so their ballots can be narrowed
     *                       below k
     * @param unanimous      breakdown cells (and "all") whose voters all chose the same: the cell reveals each
     *                       of their ballots
     * @param unequalWeights whether the voters' weights differ, so that weighted totals can reveal how a class
     *                       of weight voted
     */
    public record SecrecyReport(
            int minCellVoters, List<SmallClass> smallClasses, List<Unanimous> unanimous, boolean unequalWeights) {
        public SecrecyReport {
            smallClasses = List.copyOf(smallClasses);
            unanimous = List.copyOf(unanimous);
        }
    }

    /**
     * A published class of fewer than k declarations.
     *
     * @param group        the group it publishes (a group id, or "other")
     * @param level        the level it publishes, or null where only the weight is
     * @param weight       its weight in micro-units
     * @param lowerTo      for rows in "other": the level their weight would be lowered to, or null
     * @param declarations how many declarations it holds
     * @param ballots      how many of them cast their own ballot (0 before voting)
     */
    public record SmallClass(
            String group, Integer level, long weight, Integer lowerTo, int declarations, int ballots) {}

    /**
     * A cell whose voters all chose the same option (APPROVE_REJECT, SINGLE_CHOICE).
     *
     * @param breakdown "all", "byGroup" or "byLevel"
     * @param key       the cell's key ("all" for everyone)
     * @param name      the cell's name
     * @param voters    people counted in it
     * @param option    the option (or stance index) they all chose
     */
    public record Unanimous(String breakdown, String key, String name, int voters, int option) {}

    /**
     * @param weightMoved        the weight that followed a delegate's ballot
     * @param delegatorsFollowed the people whose weight followed
     * @param weightLost         the weight of non-voters whose chain looped or ended without a ballot
     * @param delegatorsLost     those people
     */
    public record DelegationSummary(long weightMoved, int delegatorsFollowed, long weightLost, int delegatorsLost) {}

    /**
     * The declarations a facilitator should check first. Declarations above their group's suggested
     * level are lowered to it one at a time, highest stake first, then largest weight reduction, then
     * voter id (by hash code, then by text), until the outcome flips.
     *
     * @param applicable    false under EXPLICIT weighting, where weights do not follow stakes
     * @param flips         whether some prefix of that order flips the outcome ("robust" when not)
     * @param count         the length of the shortest flipping prefix found (0 when robust)
     * @param voters        the voters whose declarations it lowers, in that order (the first 100 when more)
     * @param fragile       equal to flips: the result is flagged whenever lowering some of those declarations
     *                      flips it, at any count ({@code count} says how many)
     * @param search        "exact" (every prefix checked) or "galloping" (RANKED_IRV: doubling, then bisection)
     */
    public record Fragility(
            boolean applicable, boolean flips, int count, List<String> voters, boolean fragile, String search) {
        public Fragility {
            voters = List.copyOf(voters);
        }
    }
}
