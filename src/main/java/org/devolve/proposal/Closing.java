package org.devolve.proposal;

/** Computes and stores the final tally of a proposal that closes; implemented by the result feature. */
public interface Closing {

    /** The outcome and where in the ledger it was counted. */
    record Counted(String outcome, long ledgerSeq, String ledgerHead, String resultSha256) {
    }

    /** Counts the proposal as its ledger stands now, in the caller's transaction, and stores the result. */
    Counted count(Proposal proposal);
}
