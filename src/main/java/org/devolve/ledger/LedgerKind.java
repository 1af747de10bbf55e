package org.devolve.ledger;

/** What can change a proposal's outcome, and so is written to its ledger. */
public enum LedgerKind {
    PROPOSAL_CREATED,
    PHASE_CHANGED,
    DEADLINES_CHANGED,
    GROUP_ADDED,
    STAKE_DECLARED,
    STAKE_CHALLENGED,
    CHALLENGE_ANSWERED,
    CHALLENGE_RESOLVED,
    BALLOT_CAST,
    DELEGATION_SET,
    DELEGATION_REVOKED,
    TALLY_COMPUTED,
    PROPOSAL_CORRECTED
}
