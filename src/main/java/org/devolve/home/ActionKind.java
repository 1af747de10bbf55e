package org.devolve.home;

/** What the signed-in member has to do in a proposal. */
public enum ActionKind {
    /** The proposal affects a circle of mine and I have not said how much it affects me. */
    DECLARE,
    /** I take part in the vote, have not voted and have entrusted my vote to nobody. */
    VOTE,
    /** Someone challenged my declaration and I have not answered. */
    ANSWER,
    /** A declaration in a proposal of a circle I facilitate is challenged and waits for a ruling. */
    RULE
}
