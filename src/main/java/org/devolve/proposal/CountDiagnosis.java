package org.devolve.proposal;

import java.util.Optional;

/** Finds the stored row that made a count fail, for the service log; implemented by the result feature. */
public interface CountDiagnosis {

    /**
     * The row (its table, id and owner) that the tally engine refuses first when it counts the proposal as
     * it stands, described for an operator; empty when the engine refuses nothing or no row is to blame.
     */
    Optional<String> offendingRow(Proposal proposal);
}
