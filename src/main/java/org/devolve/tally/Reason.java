package org.devolve.tally;

/** Stable reason codes for input the engine refuses; one code a kind of fault, never a class name. */
public enum Reason {
    /** The text is not well-formed JSON. */
    MALFORMED_JSON,
    /** A member that the format requires is absent. */
    FIELD_MISSING,
    /** A member has the wrong type or an impossible value, or is not part of the format. */
    FIELD_INVALID,
    /** The document's {@code version} is not one this engine reads. */
    VERSION_UNSUPPORTED,
    /** Options are missing, blank, repeated, or (for APPROVE_REJECT) not FOR/AGAINST/ABSTAIN. */
    OPTIONS_INVALID,
    /** The cap is missing for CAPPED or outside 1..5. */
    CAP_INVALID,
    /** A quorum fraction outside 0..1 or a negative headcount. */
    QUORUM_INVALID,
    /** A threshold on a method other than APPROVE_REJECT, or a consent objection fraction outside (0, 1]. */
    THRESHOLD_INVALID,
    /** Protection configured wrongly, or on a method other than APPROVE_REJECT. */
    PROTECTION_INVALID,
    /** The secret-ballot cell size k is below 1. */
    CELL_SIZE_INVALID,
    /** Two groups share an id. */
    GROUP_DUPLICATE,
    /** A ballot names a group that is not listed. */
    GROUP_UNKNOWN,
    /** A suggested level outside 0..5. */
    LEVEL_INVALID,
    /** Two ballots share a voter. */
    VOTER_DUPLICATE,
    /** A stake outside 0..5. */
    STAKE_INVALID,
    /** A weight that is not a non-negative decimal with at most six decimals, or above 1,000,000. */
    WEIGHT_INVALID,
    /** EXPLICIT weighting without a weight on a ballot. */
    WEIGHT_REQUIRED,
    /** A given weight differs from what the policy computes for the stake, or is positive for stake 0. */
    WEIGHT_MISMATCH,
    /** The weight declared adds up to more than 10^12 units. */
    TOTAL_OVERFLOW,
    /** A ballot of another method's shape, or with more than one shape. */
    BALLOT_KIND_INVALID,
    /** An option index that does not exist. */
    OPTION_UNKNOWN,
    /** An APPROVE_REJECT choice other than FOR, AGAINST, ABSTAIN. */
    STANCE_UNKNOWN,
    /** An option approved twice. */
    APPROVAL_DUPLICATE,
    /** An option ranked twice. */
    RANKING_DUPLICATE,
    /** A ranking with no option. */
    RANKING_EMPTY,
    /** Scores missing for some option, or outside 0..5. */
    SCORES_INVALID,
    /** Points that are negative, not whole, or add up to more than 1,000,000. */
    ALLOCATION_INVALID,
    /** An allocation that gives no point to any option. */
    ALLOCATION_EMPTY,
    /** A delegate that is not a voter in the document. */
    DELEGATE_UNKNOWN
}
