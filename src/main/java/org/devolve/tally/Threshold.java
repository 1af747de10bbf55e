package org.devolve.tally;

/**
 * When an {@link Method#APPROVE_REJECT} proposal is adopted. Abstentions count in the turnout, and in
 * the denominator of {@link #CONSENT} only.
 */
public enum Threshold {
    /** Adopted when weighted FOR exceeds weighted AGAINST; an exact tie keeps the status quo. */
    SIMPLE_MAJORITY,
    /** Adopted when FOR is at least two thirds of FOR + AGAINST (that is, FOR ≥ 2 × AGAINST), and FOR > 0. */
    TWO_THIRDS,
    /** Adopted unless AGAINST is at least the objection fraction x of all weight cast (FOR + AGAINST + ABSTAIN). */
    CONSENT
}
