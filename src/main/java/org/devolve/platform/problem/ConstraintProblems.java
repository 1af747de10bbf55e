package org.devolve.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the names of database constraints to problems. The database enforces invariants (one current
 * ballot per voter, a unique slug); when a write breaks one, the constraint's name says which, and the
 * client is told in the words of the feature that declared it (see {@link ConstraintCodes}).
 */
@ApplicationScoped
public class ConstraintProblems {

    /** Implemented by features: the constraints they own and what each means to a client. */
    public interface ConstraintCodes {
        Map<String, ConstraintAnswer> constraints();
    }

    /** What a broken constraint means: a problem code and a detail for people. */
    public record ConstraintAnswer(ProblemCode code, String detail) {}

    private final Map<String, ConstraintAnswer> answers = new HashMap<>();

    @Inject
    ConstraintProblems(Instance<ConstraintCodes> features) {
        for (ConstraintCodes feature : features) {
            answers.putAll(feature.constraints());
        }
    }

    /** The problem for the first named constraint found in the cause chain, if a feature declared it. */
    public Optional<ProblemException> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = null;
            if (t instanceof org.hibernate.exception.ConstraintViolationException c) {
                name = c.getConstraintName();
            } else if (t instanceof SQLException sql && "23".equals(prefix(sql.getSQLState()))) {
                name = constraintOf(sql);
            }
            if (name != null) {
                ConstraintAnswer answer = answers.get(name);
                if (answer != null) {
                    return Optional.of(ProblemException.of(answer.code(), answer.detail()));
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String prefix(String state) {
        return state == null || state.length() < 2 ? "" : state.substring(0, 2);
    }

    private static String constraintOf(SQLException sql) {
        if (sql instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
            return p.getServerErrorMessage().getConstraint();
        }
        return null;
    }
}
