package org.devolve.circle;

/** A member's role in a circle. Facilitators manage its members and steward its decisions. */
public enum Role {
    MEMBER,
    FACILITATOR
}
