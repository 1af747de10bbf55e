package org.devolve.circle;

/** What kind of organisation a circle is; informative, it changes no rule. */
public enum CircleKind {
    CITY,
    REGION,
    FEDERATION,
    NETWORK,
    COOPERATIVE,
    OTHER
}
