package org.devolve.tally;

import java.util.List;

/** Thrown when a tally input or document is malformed or inconsistent; carries every violation found. */
public final class InvalidTallyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /** @param violations at least one */
    public InvalidTallyException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    /** All violations, in input order. */
    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        String first = violations.get(0).toString();
        int more = violations.size() - 1;
        return more == 0 ? first : first + " (and " + more + " more)";
    }
}
