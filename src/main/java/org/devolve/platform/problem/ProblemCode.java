package org.devolve.platform.problem;

import java.util.Locale;

/**
 * A stable reason why a request was refused. Each code maps one-to-one to a problem {@code type}: the
 * code {@code SLUG_TAKEN} is the type {@code /problems/slug-taken}. Features declare their own codes as
 * enums implementing this interface; {@link PlatformProblem} holds the ones every feature shares.
 */
public interface ProblemCode {

    /** The code, in upper snake case; an enum's constant name. */
    String name();

    /** The HTTP status of a response with this problem. */
    int status();

    /** A short, human summary that does not change from occurrence to occurrence. */
    String title();

    /** The problem type: a URI reference, relative to the API's origin. */
    default String type() {
        return "/problems/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
