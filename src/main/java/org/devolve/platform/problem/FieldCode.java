package org.devolve.platform.problem;

import org.devolve.tally.Reason;

/**
 * The reason code of one {@link Violation}: a constant of an enum (platform's {@link ViolationCode}, a feature's
 * {@code *Field} enum, or the tally engine's {@link org.devolve.tally.Reason}), never free text, so that every code
 * a client can receive is listed in docs/problems.md (ProblemCatalogueTest).
 */
public interface FieldCode {

    /** The code as clients read it. */
    String name();

    /** The tally engine's reason codes, which a ballot's violations carry. */
    static FieldCode of(Reason reason) {
        return new EngineReason(reason);
    }

    /** A reason of the tally engine (which depends on nothing of the service, so cannot implement this). */
    record EngineReason(Reason reason) implements FieldCode {
        @Override
        @com.fasterxml.jackson.annotation.JsonValue
        public String name() {
            return reason.name();
        }

        @Override
        public String toString() {
            return reason.name();
        }
    }
}
