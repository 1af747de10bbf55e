package org.devolve.stake;

import org.devolve.platform.problem.FieldCode;

/** Violation codes of declarations and rulings. */
public enum StakeField implements FieldCode {
    /** The group is not one of the proposal's. */
    UNKNOWN_GROUP,
    /** An outsider's or member's declaration in a group that is not theirs to declare in. */
    NOT_IN_GROUP,
    /** A level above the group's suggested level needs a reason. */
    REASON_REQUIRED,
    /** A lowering that does not lower. */
    NOT_LOWER
}
