package org.devolve.tally;

/** A ballot under {@link Method#APPROVE_REJECT}; its ordinal is its column in the totals. */
public enum Stance {
    FOR, AGAINST, ABSTAIN
}
