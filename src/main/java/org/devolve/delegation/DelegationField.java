package org.devolve.delegation;

import org.devolve.platform.problem.FieldCode;

/** Violation codes of a delegation's delegate. */
public enum DelegationField implements FieldCode {
    /** Oneself. */
    SELF,
    /** Nobody who ever signed in. */
    UNKNOWN_MEMBER,
    /** Not a member of the circle. */
    NOT_A_MEMBER,
    /** Not someone who takes part in the proposal. */
    NOT_A_PARTICIPANT
}
