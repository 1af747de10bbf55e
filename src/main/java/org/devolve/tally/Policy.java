package org.devolve.tally;

/** How a declared stake (0..5) becomes a weight. */
public enum Policy {
    /** w = s. */
    LINEAR,
    /** w = √s, rounded to the nearest micro-unit (exact integer square root; a tie cannot occur). */
    SQRT,
    /** w = 1 for s &gt; 0: one person, one vote among the affected. */
    EQUAL,
    /** w = min(s, k). */
    CAPPED,
    /** The weight is given with each declaration (e.g. the members a federation delegate represents). */
    EXPLICIT
}
