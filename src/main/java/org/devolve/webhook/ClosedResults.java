package org.devolve.webhook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a closed proposal's event tells of its result: a summary of the tally the result endpoint publishes (in a
 * secret proposal too, nothing beyond it); implemented by the result feature.
 */
public interface ClosedResults {

    /**
     * The method, the options and their totals (decimal strings, as the tally writes them), the outcome, the winner's
     * index (null when none), the turnout (a decimal string) and the number of voters, and where the count was
     * taken in the ledger.
     */
    record Summary(
            String method,
            List<String> options,
            List<String> totals,
            String outcome,
            Integer winner,
            String turnout,
            int voters,
            long countedAtSeq,
            String countedAtHead,
            String resultSha256) {}

    /** The stored result of the proposal (closed in this transaction or before), if it was counted. */
    Optional<Summary> of(UUID proposalId);
}
