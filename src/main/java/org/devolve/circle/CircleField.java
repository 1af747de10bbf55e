package org.devolve.circle;

import org.devolve.platform.problem.FieldCode;

/** Violation codes of circles, and of requests that name a circle. */
public enum CircleField implements FieldCode {
    /** The id names no circle. */
    UNKNOWN_CIRCLE
}
