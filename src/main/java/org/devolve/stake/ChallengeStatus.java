package org.devolve.stake;

/** A challenge is open until a facilitator upholds the declaration or lowers it. */
public enum ChallengeStatus {
    OPEN,
    UPHELD,
    LOWERED
}
