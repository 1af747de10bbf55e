package org.devolve.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.devolve.ledger.Ledger;
import org.devolve.proposal.Closing;
import org.devolve.proposal.Proposal;
import org.devolve.tally.Tally;
import org.devolve.tally.TallyDocument;
import org.devolve.tally.TallyInput;
import org.devolve.tally.TallyResult;

/**
 * Counts a proposal with the tally engine. At the close the count is final: the result and the ledger head
 * it was computed at are stored together, and the lifecycle writes the result's SHA-256 into the ledger entry
 * that closes the proposal. The tally document is rebuilt on request from the same rows, read as of the
 * close, so the export always recounts to the stored result.
 */
@ApplicationScoped
class Tallying implements Closing {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Tallying.class);

    private final TallyReader reader;
    private final ObjectMapper json;
    private final Clock clock;

    Tallying(TallyReader reader, ObjectMapper json, Clock clock) {
        this.reader = reader;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Counted count(Proposal p) {
        long start = System.nanoTime();
        TallyInput input = reader.read(p, p.closedAt, p.ledgerHead);
        long read = System.nanoTime();
        TallyResult result = Tally.count(input);
        String resultJson = result.toJson();
        LOG.infof("Counted proposal %s: %d declarations read in %d ms, counted and explained in %d ms", p.id,
                input.size(), (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        ProposalResult stored = new ProposalResult();
        stored.proposalId = p.id;
        stored.ledgerSeq = p.ledgerSeq;
        stored.ledgerHead = p.ledgerHead;
        stored.outcome = result.outcome().name();
        stored.resultJson = resultJson;
        stored.computedAt = clock.instant();
        stored.persist();
        return new Counted(result.outcome().name(), result.outcome() == TallyResult.Outcome.WINNER ? result.winner() : -1,
                p.ledgerSeq, p.ledgerHead, Ledger.sha256(resultJson));
    }

    /** A count of the ballots as they are now, not stored (live results, turnout). */
    TallyResult now(Proposal p, boolean explained) {
        TallyInput input = reader.read(p, clock.instant(), p.ledgerHead);
        return explained ? Tally.count(input) : Tally.outcome(input);
    }

    /** The tally document of a closed proposal, rebuilt from the rows it was counted from. */
    String document(Proposal p) {
        ProposalResult stored = ProposalResult.findById(p.id);
        return TallyDocument.toJson(reader.readOrdered(p, p.closedAt, stored.ledgerHead));
    }

    TallyView view(String engineJson) {
        try {
            return json.readValue(engineJson, TallyView.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The engine's result does not match the API's records", e);
        }
    }
}
