package org.devolve.tally;

/** A ballot under {@link Method#APPROVE_REJECT}; its ordinal is its column in the totals. */
public enum Stance {
    /** In favour. */
    FOR,
    /** Opposed: an objection under CONSENT and NO_OBJECTION protection. */
    AGAINST,
    /** Taking part without taking a side: counts in the turnout and in the consent denominator. */
    ABSTAIN
}
