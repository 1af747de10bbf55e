package org.devolve.result;

import java.time.Instant;
import java.util.UUID;
import org.devolve.proposal.Phase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the results API answers; the turnout is also what live streams send. */
public final class ResultViews {

    private ResultViews() {}

    @Schema(
            name = "ProposalResult",
            description = "A proposal's tally: final once closed, live during voting when "
                    + "the proposal shows live results")
    // tally: the engine's result JSON as the engine wrote it (ResultJson), served byte for byte; its SHA-256 is
    // resultSha256. TallyView only describes it for the contract (ResultContractTest keeps the two equal).
    record Result(
            UUID proposalId,

            @Schema(description = "True once the proposal is closed: the stored, final tally")
            boolean isFinal,

            @Schema(description = "The ledger entry count the tally was computed at")
            long ledgerSeq,

            @Schema(description = "The ledger head hash the tally was computed from")
            String ledgerHead,

            Instant computedAt,

            @Schema(
                    description = "SHA-256 of the engine's result JSON, as written in the ledger at the close",
                    nullable = true)
            String resultSha256,

            @Schema(implementation = TallyView.class) @com.fasterxml.jackson.annotation.JsonRawValue
            String tally) {}

    @Schema(name = "Turnout", description = "Always live: weight cast (own and delegated ballots) ÷ weight declared")
    public record Turnout(
            UUID proposalId,
            Phase phase,
            String weightCast,
            String weightDeclared,
            String turnout,
            int voters,
            int delegators,
            int headcount,
            int declarants,

            @Schema(description = "The quorum's turnout share, as a decimal fraction")
            String quorumTurnout,

            int quorumHeadcount,
            boolean quorumMet,
            Instant at) {}
}
