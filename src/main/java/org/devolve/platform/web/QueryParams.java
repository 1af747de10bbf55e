package org.devolve.platform.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.ViolationCode;

/**
 * Query parameters read as text and parsed here, so that a wrong value is a 400 problem naming the parameter
 * (JAX-RS would answer 404 for a parameter it cannot convert).
 */
public final class QueryParams {

    private QueryParams() {}

    /** {@code true}, {@code false}, or absent (false). */
    public static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, ViolationCode.WRONG_TYPE, "must be true or false");
        };
    }

    /** An id, or absent (null). */
    public static UUID id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Ids.parse(value.trim())
                .orElseThrow(() -> ProblemException.invalid(name, ViolationCode.WRONG_TYPE, "must be an id"));
    }

    /** One of the enum's constants (case-insensitive), or absent (null). */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(
                    name,
                    ViolationCode.WRONG_TYPE,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    /** Free text of at most {@code max} characters, or absent (null). */
    public static String text(String name, String value, int max) {
        if (value != null && value.length() > max) {
            throw ProblemException.invalid(name, ViolationCode.SIZE, "must be at most " + max + " characters");
        }
        return value;
    }
}
