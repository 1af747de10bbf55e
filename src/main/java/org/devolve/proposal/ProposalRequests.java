package org.devolve.proposal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.devolve.tally.Method;
import org.devolve.tally.Policy;
import org.devolve.tally.Threshold;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of proposal requests. Shares are percentages (up to four decimals) of weight. */
public final class ProposalRequests {

    private ProposalRequests() {}

    @Schema(name = "ProposalContent", description = "Everything an author writes and sets on a proposal")
    public record Content(
            @NotBlank @Size(max = 200) String title,

            @Size(max = 1000) @Schema(description = "One paragraph, plain text")
            String summary,

            @Size(max = 50000) @Schema(description = "Markdown; clients render it without raw HTML")
            String body,

            @NotNull Method method,

            @Size(max = 20) @Schema(description = "Option labels in order; none for APPROVE_REJECT, 2 to 20 otherwise")
            List<@NotBlank @Size(max = 200) String> options,

            @NotNull @Valid WeightingSpec weighting,

            @Valid @Schema(description = "APPROVE_REJECT only; simple majority when absent")
            ThresholdSpec threshold,

            @Valid @Schema(description = "No quorum when absent")
            QuorumSpec quorum,

            @Valid @Schema(description = "No protection when absent")
            ProtectionSpec protection,

            @Schema(description = "Secret ballot: the ledger holds pseudonyms, and nobody can see who voted what")
            boolean secret,

            @Schema(description = "Show the running tally during voting (off by default: no bandwagon)")
            boolean liveResults,

            @Schema(description = "Anyone signed in may declare a stake, marked as self-identified")
            boolean outsidersAllowed,

            @Schema(
                    description = "Voting opens at this instant (by the scheduler) unless opened earlier",
                    nullable = true)
            Instant deliberationEndsAt,

            @Schema(description = "Voting closes at this instant; a ballot at or after it is refused", nullable = true)
            Instant votingEndsAt,

            @Size(max = 20) @Schema(description = "Who the decision affects")
            List<@NotNull @Valid GroupSpec> affectedGroups) {}

    @Schema(name = "WeightingSpec", description = "w = f(stake): LINEAR s, SQRT √s, EQUAL 1, CAPPED min(s, cap)")
    public record WeightingSpec(
            @NotNull Policy policy,

            @Min(1) @Max(5) @Schema(description = "CAPPED only: the stake level above which weight stops growing")
            Integer cap) {}

    @Schema(name = "ThresholdSpec")
    public record ThresholdSpec(
            @NotNull Threshold rule,

            @DecimalMin(value = "0", inclusive = false)
            @DecimalMax("100")
            @Digits(integer = 3, fraction = 4)
            @Schema(
                    description =
                            "CONSENT only: adopted unless weighted AGAINST reaches this percentage of weight cast")
            BigDecimal objectionPercent) {}

    @Schema(name = "QuorumSpec")
    public record QuorumSpec(
            @DecimalMin("0")
            @DecimalMax("100")
            @Digits(integer = 3, fraction = 4)
            @Schema(description = "Weighted turnout needed: weight cast ÷ weight declared, in percent")
            BigDecimal turnoutPercent,

            @Min(0) @Max(1_000_000) @Schema(description = "Voters needed besides (0: none)")
            Integer headcount) {}

    @Schema(
            name = "ProtectionSpec",
            description = "Protection of the most affected: the proposal also needs a "
                    + "majority (MAJORITY), or no weighted objection at or above a share (NO_OBJECTION), within the highest "
                    + "stake level present")
    public record ProtectionSpec(
            @NotNull Proposal.ProtectionRule rule,

            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 4)
            BigDecimal objectionPercent) {}

    @Schema(name = "GroupSpec", description = "An affected group: a circle, or a described group")
    public record GroupSpec(
            @Schema(
                    description = "The circle, when the group is a circle; its name is used when `name` is absent",
                    nullable = true)
            UUID circleId,

            @Size(max = 200) @Schema(examples = "Tenants of building C")
            String name,

            @Size(max = 2000) @Schema(description = "How they are affected")
            String howAffected,

            @NotNull @Min(0) @Max(5) @Schema(description = "Suggested stake level, 0 (not affected) to 5 (vital)")
            Integer suggestedLevel) {}

    @Schema(name = "PhaseChange")
    public record PhaseChange(
            @NotNull @Schema(description = "DELIBERATION, VOTING, CLOSED or WITHDRAWN")
            Phase phase,

            @Size(max = 1000) @Schema(description = "Why, for the ledger and the participants")
            String note) {}

    @Schema(name = "Deadlines")
    public record Deadlines(
            @Schema(nullable = true) Instant deliberationEndsAt,
            @Schema(nullable = true) Instant votingEndsAt) {}

    /**
     * A correction of a proposal's wording once it is open: only what is given changes. The rules, the method, the
     * options' number and order, the groups and the deadlines stay as deliberation opened with them; a request that
     * names one of them is refused, naming it.
     */
    @Schema(name = "ProposalCorrection")
    public record Correction(
            @Size(max = 200) @Schema(nullable = true) String title,

            @Size(max = 1000) @Schema(nullable = true) String summary,

            @Size(max = 50000) @Schema(nullable = true, description = "Markdown")
            String body,

            @Size(max = 20)
            @Schema(
                    nullable = true,
                    description = "Every option's label, in the options' order: their number and order stay")
            List<@NotBlank @Size(max = 200) String> options,

            @NotBlank @Size(max = 300) @Schema(description = "What was corrected, in a few words")
            String note,

            @Schema(hidden = true) Object method,
            @Schema(hidden = true) Object weighting,
            @Schema(hidden = true) Object threshold,
            @Schema(hidden = true) Object quorum,
            @Schema(hidden = true) Object protection,
            @Schema(hidden = true) Object secret,
            @Schema(hidden = true) Object liveResults,
            @Schema(hidden = true) Object outsidersAllowed,
            @Schema(hidden = true) Object deliberationEndsAt,
            @Schema(hidden = true) Object votingEndsAt,
            @Schema(hidden = true) Object affectedGroups) {

        /** The frozen fields this correction names, in the contract's order. */
        List<String> frozenNamed() {
            List<String> out = new ArrayList<>();
            Object[] values = {
                method,
                weighting,
                threshold,
                quorum,
                protection,
                secret,
                liveResults,
                outsidersAllowed,
                deliberationEndsAt,
                votingEndsAt,
                affectedGroups
            };
            String[] names = {
                "method",
                "weighting",
                "threshold",
                "quorum",
                "protection",
                "secret",
                "liveResults",
                "outsidersAllowed",
                "deliberationEndsAt",
                "votingEndsAt",
                "affectedGroups"
            };
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    out.add(names[i]);
                }
            }
            return out;
        }
    }
}
