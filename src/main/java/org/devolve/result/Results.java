package org.devolve.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.devolve.proposal.Proposal;

/**
 * The result feature's port: what the audit and the live streams need of a proposal's count. Nothing outside this
 * package names the result tables.
 */
@ApplicationScoped
public class Results {

    private final Tallying tallying;
    private final ClosedExports exports;
    private final Turnouts turnouts;

    Results(Tallying tallying, ClosedExports exports, Turnouts turnouts) {
        this.tallying = tallying;
        this.exports = exports;
        this.turnouts = turnouts;
    }

    /** The turnout as the API shows it (stepped in a secret proposal in voting). */
    public ResultViews.Turnout turnout(Proposal p) {
        return turnouts.of(p);
    }

    /** A closed proposal's tally document (its export), as served: kept once built (see {@link ClosedExports}). */
    public byte[] exportedDocument(Proposal p) {
        return exports.document(p).bytes();
    }

    /** A closed proposal's tally document rebuilt from the tables now, for a verification that trusts no cache. */
    public byte[] rebuiltDocument(Proposal p) {
        return tallying.document(p);
    }

    /** The result JSON the close stored, if the proposal was counted. */
    public Optional<String> storedResultJson(UUID proposalId) {
        ProposalResult stored = ProposalResult.findById(proposalId);
        return Optional.ofNullable(stored).map(r -> r.resultJson);
    }
}
