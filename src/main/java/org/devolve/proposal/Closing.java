package org.devolve.proposal;

/** Computes and stores the final tally of a proposal that closes; implemented by the result feature. */
public interface Closing {

    /** The outcome (ADOPTED, REJECTED, WINNER, NO_QUORUM), the winner's index or -1, and where it was counted. */
    record Counted(String outcome, int winner, long ledgerSeq, String ledgerHead, String resultSha256) {
    }

    /**
     * Counts the proposal as it stands at its {@code closedAt}, in the caller's transaction, and stores the
     * result.
     */
    Counted count(Proposal proposal);
}
