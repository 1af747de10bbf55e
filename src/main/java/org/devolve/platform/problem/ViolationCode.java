package org.devolve.platform.problem;

import java.util.Locale;

/** The violation codes every feature shares: how a request's form is wrong, and Bean Validation's constraints. */
public enum ViolationCode implements FieldCode {
    /** Not of the contract's type. */
    WRONG_TYPE,
    /** A field the contract does not know. */
    UNKNOWN_FIELD,
    /** A number, length of digits, instant or limit out of range. */
    RANGE,
    /** A string with a NUL or an unpaired surrogate; a URI or header that is not UTF-8. */
    INVALID_TEXT,
    /** A value refused as a whole. */
    INVALID_VALUE,
    /** Missing where the rest of the request needs it. */
    REQUIRED,
    /** Given where the rest of the request rules it out. */
    NOT_ALLOWED,
    /** Too long or too short; too many or too few. */
    SIZE,
    /** An instant that must lie ahead and does not. */
    IN_THE_PAST,
    // Bean Validation: the constraint annotation's name in upper snake case
    NOT_NULL,
    NOT_BLANK,
    NOT_EMPTY,
    MIN,
    MAX,
    DECIMAL_MIN,
    DECIMAL_MAX,
    DIGITS,
    PATTERN;

    /** The code of a Bean Validation constraint, by its annotation's simple name ({@code NotBlank}: NOT_BLANK). */
    static ViolationCode ofConstraint(String annotation) {
        try {
            return valueOf(annotation.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return INVALID_VALUE;
        }
    }
}
