package org.devolve.proposal;

import java.time.Instant;

/** Computes and stores the final tally of a proposal that closes; implemented by the result feature. */
public interface Closing {

    /**
     * The outcome (ADOPTED, REJECTED, WINNER, NO_QUORUM), the winner's index or -1, where it was counted, the
     * SHA-256 of the result and of the published tally document, and the instant delegations were counted as of.
     */
    record Counted(
            String outcome,
            int winner,
            long ledgerSeq,
            String ledgerHead,
            String resultSha256,
            String documentSha256,
            Instant asOf) {}

    /**
     * Counts the proposal as it stands at its close, in the caller's transaction, and stores the result.
     * Delegations count as they stood at the voting deadline when the proposal closes at it (a scheduler that runs
     * late changes nothing), and at the close when it closes earlier.
     */
    Counted count(Proposal proposal);
}
