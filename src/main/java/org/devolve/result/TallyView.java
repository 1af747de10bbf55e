package org.devolve.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The contract's description of the tally engine's result (docs/tally-format.md, "The result"). The result is
 * modelled once, by the engine ({@link org.devolve.tally.TallyResult}), and written once, by
 * {@link org.devolve.tally.io.ResultJson}, for the service, the ledger and the recount jar alike: the API serves
 * those bytes as they are. These records are never built by the service; they exist so that openapi.yaml shows the
 * result's shape, and ResultContractTest keeps them equal to what ResultJson writes (every member known, nothing
 * left out, for every method and every part). Amounts are decimal strings with six decimals, exact.
 */
@Schema(
        name = "TallyResult",
        description = "The engine's result: outcome and every explanation of it. Amounts are "
                + "decimal strings with six decimals (micro-units), exact. See docs/tally-format.md.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TallyView(
        int version,
        @Schema(nullable = true) String proposal,
        @Schema(nullable = true) String ledgerHead,
        String method,
        List<String> options,

        @Schema(description = "ADOPTED, REJECTED (APPROVE_REJECT), WINNER (other methods) or NO_QUORUM")
        String outcome,

        @Schema(nullable = true) Winner winner,

        @Schema(description = "Per option; FOR, AGAINST, ABSTAIN for APPROVE_REJECT")
        List<String> totals,

        @Schema(description = "Option indices, first to last")
        List<Integer> ranking,

        Turnout turnout,
        Quorum quorum,
        @Schema(nullable = true) ThresholdCheck threshold,
        @Schema(nullable = true) ProtectionCheck protection,
        List<Tie> ties,
        @Schema(nullable = true) Details details,
        @Schema(nullable = true) Breakdown breakdown,
        @Schema(nullable = true) Counterfactual counterfactual,
        @Schema(nullable = true) Anchored anchored,
        Delegation delegation,
        @Schema(nullable = true) Fragility fragility,
        @Schema(nullable = true) Secrecy secrecy) {

    @Schema(name = "TallyWinner")
    public record Winner(int index, String name) {}

    @Schema(name = "TallyTurnout", description = "Weight cast (own and delegated ballots) ÷ weight declared")
    public record Turnout(
            String weightCast,
            String weightDeclared,
            String turnout,
            int voters,
            int delegators,
            int headcount,
            int declarants) {}

    @Schema(name = "TallyQuorum")
    public record Quorum(String turnout, int headcount, boolean turnoutMet, boolean headcountMet, boolean met) {}

    @Schema(name = "TallyThreshold")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ThresholdCheck(
            String rule, @Schema(nullable = true) String objection, boolean met) {}

    @Schema(name = "TallyProtection")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProtectionCheck(
            String rule, @Schema(nullable = true) String objection, int fromLevel, List<String> totals, boolean met) {}

    @Schema(name = "TallyTie", description = "A tie and the stated rule that resolved it")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tie(
            String stage, @Schema(nullable = true) Integer round, List<Integer> options, int chosen, String rule) {}

    @Schema(name = "TallyDetails")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(
            @Schema(nullable = true) List<String> scoreMeans,
            @Schema(nullable = true) List<String> allocated,
            @Schema(nullable = true) List<String> firstPreferences,
            @Schema(nullable = true) List<Round> rounds,
            @Schema(nullable = true) List<List<String>> pairwise,
            @Schema(nullable = true) List<List<String>> strongestPaths,
            @Schema(nullable = true) List<CopelandScore> copeland) {}

    @Schema(name = "TallyRound")
    public record Round(
            List<String> totals,
            String exhausted,
            @Schema(nullable = true) Integer eliminated) {}

    @Schema(name = "TallyCopelandScore")
    public record CopelandScore(int wins, int ties, int losses, String support) {}

    @Schema(name = "TallyBreakdown", description = "The method's measure per affected group and per stake level")
    public record Breakdown(
            String measure,
            boolean secret,
            int minCellVoters,
            List<String> totals,
            List<Cell> byGroup,
            List<Cell> byLevel) {}

    @Schema(name = "TallyCell")
    public record Cell(
            String key, String name, int voters, String weightCast, String weightDeclared, List<String> totals) {}

    @Schema(name = "TallyCounterfactual", description = "The same ballots counted one person, one vote")
    public record Counterfactual(
            String rule,
            String outcome,
            @Schema(nullable = true) Winner winner,
            List<String> totals,
            boolean changesOutcome) {}

    @Schema(
            name = "TallyAnchored",
            description = "The same ballots with every declaration above its group's suggested "
                    + "level counted at that level: what the result would have been had nobody claimed more than their group's "
                    + "suggested stake")
    public record Anchored(
            String rule,
            String outcome,
            @Schema(nullable = true) Winner winner,
            List<String> totals,
            boolean changesOutcome,

            @Schema(description = "Declarations whose weight the lowering reduces")
            int lowered,

            @Schema(description = "The weight those lowerings take off")
            String weightRemoved) {}

    @Schema(name = "TallySecrecy", description = "Secret proposals: what the published tally can still reveal")
    public record Secrecy(
            int minCellVoters,

            @Schema(
                    description = "Classes of declarations that fewer than k share: what the tally publishes of them "
                            + "(their weight, and their level or group where it cannot be hidden) singles them out, so their "
                            + "ballots can be narrowed below k")
            List<SmallClass> smallClasses,

            @Schema(
                    description =
                            "Cells whose voters all chose the same option, so that each of their ballots is " + "known")
            List<Unanimous> unanimous,

            @Schema(
                    description = "Whether the voters' weights differ, so that weighted totals can reveal how a "
                            + "class of weight voted")
            boolean unequalWeights) {}

    @Schema(name = "TallySmallClass")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SmallClass(
            @Schema(description = "A group id, or \"other\"")
            String group,

            @Schema(nullable = true, description = "The level published, or null where only the weight is")
            Integer level,

            String weight,
            @Schema(nullable = true) Integer lowerTo,
            int declarations,
            int ballots) {}

    @Schema(name = "TallyUnanimous")
    public record Unanimous(
            @Schema(description = "all, byGroup or byLevel") String breakdown,
            String key,
            String name,
            int voters,
            int option) {}

    @Schema(name = "TallyDelegation")
    public record Delegation(String weightMoved, int delegatorsFollowed, String weightLost, int delegatorsLost) {}

    @Schema(
            name = "TallyFragility",
            description = "The fewest highest-stake declarations that, lowered to their "
                    + "group's suggested level, flip the outcome")
    public record Fragility(
            boolean applicable,
            boolean flips,
            boolean robust,
            int count,
            List<String> voters,

            @Schema(description = "The result is flagged: lowering count declarations flips it (equal to flips)")
            boolean fragile,

            String search) {}
}
