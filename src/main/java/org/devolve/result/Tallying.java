package org.devolve.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.devolve.ledger.Ledger;
import org.devolve.proposal.Closing;
import org.devolve.proposal.Proposal;
import org.devolve.tally.Tally;
import org.devolve.tally.TallyInput;
import org.devolve.tally.TallyResult;
import org.devolve.tally.io.LedgerReplay;
import org.devolve.tally.io.ResultJson;
import org.devolve.tally.io.TallyDocument;

/**
 * Counts a proposal with the tally engine. At the close the count is final: the result is stored with the ledger
 * head it was computed at, and the lifecycle writes into the ledger entry that closes the proposal the SHA-256 of
 * the result and of the tally document the result was counted from (the export, published: a secret proposal's
 * rows carry no ids). The document is rebuilt on request from the same rows, read as of the same instant, so the
 * export always recounts to the stored result and hashes to what the ledger says.
 */
@ApplicationScoped
class Tallying implements Closing {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Tallying.class);

    private final TallyReader reader;
    private final Ledger ledger;
    private final Clock clock;

    Tallying(TallyReader reader, Ledger ledger, Clock clock) {
        this.reader = reader;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Delegations count as they stood at the voting deadline, when the proposal closed at (or after) it. */
    static Instant asOf(Proposal p) {
        return p.votingEndsAt != null && !p.closedAt.isBefore(p.votingEndsAt) ? p.votingEndsAt : p.closedAt;
    }

    @Override
    public Counted count(Proposal p) {
        long start = System.nanoTime();
        Instant asOf = asOf(p);
        Ledger.Head head = ledger.head(p.id); // the proposal is locked: nobody appends meanwhile
        TallyInput input = reader.readOrdered(p, asOf, head.hash());
        long read = System.nanoTime();
        // the published document is written (to its hash) on a second core while the count runs: both only read
        // the input, and the database has nothing left to do by then
        CompletableFuture<String> document = CompletableFuture.supplyAsync(() -> sha256(Tally.published(input)));
        TallyResult result = Tally.count(input);
        String resultJson = ResultJson.write(result);
        String documentSha = joined(document);
        LOG.infof(
                "Counted proposal %s: %d declarations read in %d ms, counted, explained and hashed in %d ms",
                p.id, input.size(), (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        ProposalResult stored = new ProposalResult();
        stored.proposalId = p.id;
        stored.ledgerSeq = head.seq();
        stored.ledgerHead = head.hash();
        stored.outcome = result.outcome().name();
        stored.resultJson = resultJson;
        stored.resultSha256 = LedgerReplay.sha256(resultJson);
        stored.documentSha256 = documentSha;
        stored.countedAsOf = asOf;
        stored.computedAt = clock.instant();
        stored.persist();
        return new Counted(
                result.outcome().name(),
                result.outcome() == TallyResult.Outcome.WINNER ? result.winner() : -1,
                head.seq(),
                head.hash(),
                stored.resultSha256,
                documentSha,
                asOf);
    }

    /** A count of the ballots as they are now, not stored (live results, turnout). */
    TallyResult now(Proposal p, boolean explained) {
        TallyInput input = reader.read(p, clock.instant(), ledger.head(p.id).hash());
        return explained ? Tally.count(input) : Tally.outcome(input);
    }

    /** The published input of a closed proposal, rebuilt from the rows it was counted from. */
    TallyInput published(Proposal p) {
        ProposalResult stored = ProposalResult.findById(p.id);
        Instant asOf = stored.countedAsOf != null ? stored.countedAsOf : p.closedAt;
        return Tally.published(reader.readOrdered(p, asOf, stored.ledgerHead));
    }

    /** The tally document of a closed proposal (its export), rebuilt from the rows it was counted from. */
    byte[] document(Proposal p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TallyDocument.write(published(p), out);
        return out.toByteArray();
    }

    private static String joined(CompletableFuture<String> document) {
        try {
            return document.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static String sha256(TallyInput published) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                TallyDocument.write(published, out);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
