package org.devolve.proposal;

import org.devolve.platform.problem.ProblemException;
import org.devolve.tally.InvalidTallyException;
import org.devolve.tally.Violation;

/**
 * What readers are told about a transition that failed: a stable reason (the tally engine's reason code
 * when it refused the stored data, the problem code of a refusal, else {@code INTERNAL_ERROR}) and a
 * sentence that names no voter and no ballot content. The row at fault goes to the service log only.
 */
record CountFailure(String reason, String detail, boolean refusedData) {

    static CountFailure of(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidTallyException invalid) {
                Violation first = invalid.violations().get(0);
                int more = invalid.violations().size() - 1;
                return new CountFailure(
                        first.reason().name(),
                        "the tally engine refuses a stored row (" + first.detail()
                                + (more > 0 ? "; and " + more + " more" : "") + ")",
                        true);
            }
            if (cause instanceof ProblemException problem) {
                return new CountFailure(problem.code().name(), problem.getMessage(), false);
            }
        }
        return new CountFailure(
                "INTERNAL_ERROR", "an unexpected error stopped it; the service log has the cause", false);
    }
}
