package org.devolve.proposal;

import org.devolve.platform.problem.FieldCode;

/** Violation codes of a proposal's content and deadlines. */
public enum ProposalField implements FieldCode {
    /** The end of voting is not after the end of deliberation. */
    BEFORE_DELIBERATION_ENDS,
    /** A method with options has fewer than two. */
    TOO_FEW_OPTIONS,
    /** Options given to APPROVE_REJECT, which has none. */
    OPTIONS_NOT_ALLOWED,
    /** Two options with the same label. */
    DUPLICATE_OPTION,
    /** Two affected groups for one circle, or with one name. */
    DUPLICATE_GROUP,
    /** Live results asked of a secret proposal. */
    NOT_WITH_SECRET,
    /** A weighting policy the deciding circle does not allow. */
    POLICY_NOT_AVAILABLE,
    /** A correction that would change what is frozen once deliberation opens (rules, the options' number). */
    FROZEN,
    /** A correction that changes nothing. */
    NO_CHANGE
}
