package org.devolve.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a request with an RFC 9457 problem. Use cases throw it; {@link ProblemMapper} writes it.
 * It carries no stack trace: it is an answer, not a failure.
 */
public final class ProblemException extends RuntimeException {

    private final ProblemCode code;
    private final List<Violation> violations;
    private final Map<String, Object> extensions;

    private ProblemException(
            ProblemCode code, String detail, List<Violation> violations, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.code = code;
        this.violations = List.copyOf(violations);
        this.extensions = Map.copyOf(extensions);
    }

    public static ProblemException of(ProblemCode code, String detail) {
        return new ProblemException(code, detail, List.of(), Map.of());
    }

    public static ProblemException invalid(List<Violation> violations) {
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are not valid";
        return new ProblemException(PlatformProblem.VALIDATION_FAILED, detail, violations, Map.of());
    }

    public static ProblemException invalid(String field, FieldCode code, String message) {
        return invalid(List.of(new Violation(field, code, message)));
    }

    public static ProblemException notFound(String what) {
        return of(PlatformProblem.NOT_FOUND, what + " was not found");
    }

    public static ProblemException forbidden(String detail) {
        return of(PlatformProblem.FORBIDDEN, detail);
    }

    /** The same problem with one more extension member (for example the stake budget left). */
    public ProblemException with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new ProblemException(code, getMessage(), violations, more);
    }

    public ProblemCode code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
