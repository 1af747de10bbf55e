package org.devolve.circle;

/** What happened to a membership, in a circle's history. */
enum CircleEventKind {
    /** Added to the circle, with a role. */
    JOINED,
    /** Made a facilitator, or a plain member. */
    ROLE_CHANGED,
    /** Removed by a facilitator or an admin. */
    REMOVED,
    /** Left by themself. */
    LEFT
}
