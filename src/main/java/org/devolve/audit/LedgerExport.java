package org.devolve.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.devolve.ballot.Openings;
import org.devolve.ledger.Ledger;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.devolve.result.Results;
import org.devolve.tally.io.LedgerBundle;

/**
 * The whole ledger as one file (docs/tally-format.md, "Ledger export"): every entry, and once the proposal is closed
 * the published tally document and (public proposals) each counted ballot's salt, streamed entry by entry in a
 * transaction of its own, so that a million entries are never held at once.
 */
@ApplicationScoped
class LedgerExport {

    private final Proposals proposals;
    private final Ledger ledger;
    private final Results results;
    private final Openings openings;

    LedgerExport(Proposals proposals, Ledger ledger, Results results, Openings openings) {
        this.proposals = proposals;
        this.ledger = ledger;
        this.results = results;
        this.openings = openings;
    }

    /** The proposal the signed-in person may read (else a problem), before any byte is written. */
    UUID readable(String proposalRef) {
        return QuarkusTransaction.requiringNew().call(() -> proposals.readable(proposalRef).id);
    }

    void write(UUID id, OutputStream out) {
        QuarkusTransaction.requiringNew().run(() -> {
            Proposal p = proposals.byId(id);
            String document = null;
            Map<String, String> revealed = Map.of();
            if (p.phase == Phase.CLOSED) {
                document = new String(results.exportedDocument(p), StandardCharsets.UTF_8);
                revealed = openings.revealed(p);
            }
            try {
                LedgerBundle.Writer writer = LedgerBundle.writer(out, id.toString());
                ledger.forEach(id, e -> {
                    try {
                        writer.entry(new LedgerBundle.Entry(e.seq(), e.prevHash(), e.hash(), e.body()));
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                });
                writer.finish(document, revealed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
