package org.devolve.result;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devolve.proposal.Phase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class ResultViews {

    private ResultViews() {
    }

    @Schema(name = "ProposalResult", description = "A proposal's tally: final once closed, live during voting when "
            + "the proposal shows live results")
    record Result(UUID proposalId,
            @Schema(description = "True once the proposal is closed: the stored, final tally") boolean isFinal,
            @Schema(description = "The ledger entry count the tally was computed at") long ledgerSeq,
            @Schema(description = "The ledger head hash the tally was computed from") String ledgerHead,
            Instant computedAt,
            @Schema(description = "SHA-256 of the engine's result JSON, as written in the ledger at the close",
                    nullable = true) String resultSha256,
            TallyView tally) {
    }

    @Schema(name = "Turnout", description = "Always live: weight cast (own and delegated ballots) ÷ weight declared")
    record Turnout(UUID proposalId, Phase phase, String weightCast, String weightDeclared, String turnout,
            int voters, int delegators, int headcount, int declarants,
            @Schema(description = "The quorum's turnout share, as a decimal fraction") String quorumTurnout,
            int quorumHeadcount, boolean quorumMet, Instant at) {
    }

    @Schema(name = "LedgerEntry", description = "One entry: hash = SHA-256(prevHash ‖ body), body being the entry's "
            + "canonical JSON (RFC 8785)")
    record Entry(long seq, String kind, String prevHash, String hash, Instant recordedAt, String body,
            @Schema(nullable = true, description = "The member who acted, where the actor is a member (not the "
                    + "scheduler, not a secret ballot's pseudonym)") org.devolve.identity.MemberSummary actor) {
    }

    @Schema(name = "LedgerPage")
    record Entries(List<Entry> items, @Schema(nullable = true, description = "Pass as `after` for the next page")
            Long next) {
    }

    @Schema(name = "LedgerVerification")
    record Verification(boolean valid, long entries, String head,
            @Schema(nullable = true, description = "The first entry that does not check out") Long firstBroken,
            @Schema(nullable = true) String problem,
            @Schema(description = "Whether the result was recounted from the ledger (closed proposals) and matches "
                    + "the one the close published") boolean recounted) {
    }

    @Schema(name = "Receipt", description = "A receipt found in the proposal's chain")
    record Receipt(String receipt, long seq, String kind, Instant recordedAt,
            @Schema(description = "The entry's hash recomputes from its body and the hash before it") boolean intact,
            @Schema(description = "Entries recorded after it, which chain onto it") long entriesAfter) {
    }
}
