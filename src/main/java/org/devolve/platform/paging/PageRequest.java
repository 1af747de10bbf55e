package org.devolve.platform.paging;

import java.util.Optional;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.ViolationCode;

/** A validated {@code limit} and {@code cursor} of a list request. */
public record PageRequest(int limit, Optional<Cursor> cursor) {

    /**
     * Reads the raw query parameters. {@code limit} defaults to {@code devolve.paging.default-limit} and may
     * not exceed {@code devolve.paging.max-limit}; a bad value is a validation problem, not a silent clamp.
     */
    public static PageRequest of(String limit, String cursor, DevolveConfig.Paging config) {
        int value = config.defaultLimit();
        if (limit != null && !limit.isBlank()) {
            try {
                value = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("limit", ViolationCode.WRONG_TYPE, "must be a whole number");
            }
            if (value < 1 || value > config.maxLimit()) {
                throw ProblemException.invalid(
                        "limit", ViolationCode.RANGE, "must be between 1 and " + config.maxLimit());
            }
        }
        Optional<Cursor> position =
                cursor == null || cursor.isBlank() ? Optional.empty() : Optional.of(Cursor.decode(cursor.trim()));
        return new PageRequest(value, position);
    }

    /** How many rows to fetch: one more than shown, to know whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
