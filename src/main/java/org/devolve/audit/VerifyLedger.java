package org.devolve.audit;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.devolve.ballot.Openings;
import org.devolve.ledger.Ledger;
import org.devolve.proposal.Electorate;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.devolve.result.Results;
import org.devolve.tally.io.LedgerReplay;

/**
 * Verify: the ledger is the election. It recomputes the hash chain and replays the decision entry by entry
 * ({@link LedgerReplay}); once the proposal is closed it rebuilds the published tally document from the tables,
 * checks it against the ledger and recounts it to the result whose SHA-256 the close wrote. It then checks the
 * tables against the ledger — every declaration, every current ballot against its commitment — so that a
 * consistent rewrite of the tables by someone with database access does not pass: whatever changes a count changes
 * a hash the ledger holds.
 *
 * <p>A closed proposal's answer can only change if someone edits the database behind the service's back, so it is
 * kept for ten minutes (the cache {@code closed-verifications}); an open one's is computed on every request.
 */
@ApplicationScoped
class VerifyLedger {

    private final Proposals proposals;
    private final Ledger ledger;
    private final Results results;
    private final Openings openings;
    private final Electorate electorate;
    private final Cache closed;

    VerifyLedger(
            Proposals proposals,
            Ledger ledger,
            Results results,
            Openings openings,
            Electorate electorate,
            @CacheName("closed-verifications") Cache closed) {
        this.proposals = proposals;
        this.ledger = ledger;
        this.results = results;
        this.openings = openings;
        this.electorate = electorate;
        this.closed = closed;
    }

    @jakarta.transaction.Transactional
    AuditViews.Verification verify(String proposalRef) {
        return verify(proposals.readable(proposalRef));
    }

    private AuditViews.Verification verify(Proposal p) {
        if (p.phase == Phase.CLOSED) {
            return closed.get(p.id, id -> compute(p)).await().indefinitely();
        }
        return compute(p);
    }

    private AuditViews.Verification compute(Proposal p) {
        LedgerReplay replay = new LedgerReplay(p.id.toString());
        Ledger.Head head = ledger.forEach(p.id, e -> replay.accept(e.seq(), e.prevHash(), e.hash(), e.body()));
        boolean count = p.phase == Phase.CLOSED && replay.recountable();
        LedgerReplay.Outcome outcome =
                count ? replay.finish(results.rebuiltDocument(p), openings.revealed(p)) : replay.finish(null, null);
        if (!outcome.valid()) {
            return new AuditViews.Verification(
                    false, outcome.entries(), head.hash(), outcome.firstBroken(), outcome.problem(), false);
        }
        if (outcome.entries() != head.seq() || !outcome.head().equals(head.hash())) {
            return new AuditViews.Verification(
                    false,
                    outcome.entries(),
                    head.hash(),
                    outcome.entries() + 1,
                    "Entry " + (outcome.entries() + 1) + ": the chain ends at entry " + outcome.entries()
                            + " but the ledger's head is entry " + head.seq(),
                    false);
        }
        String tables = replay.recountable() ? tables(p, replay, outcome) : null;
        if (tables != null) {
            return new AuditViews.Verification(
                    false, outcome.entries(), head.hash(), null, "Tables: " + tables, outcome.recounted());
        }
        return new AuditViews.Verification(
                true, outcome.entries(), head.hash(), null, outcome.problem(), outcome.recounted());
    }

    /** What in the tables disagrees with the ledger, or null. */
    private String tables(Proposal p, LedgerReplay replay, LedgerReplay.Outcome outcome) {
        if (p.phase == Phase.DELIBERATION || p.phase == Phase.VOTING || p.phase == Phase.CLOSED) {
            Map<String, LedgerReplay.Declaration> held = electorate.declarations(p.id);
            Map<String, LedgerReplay.Declaration> ledgered = replay.declarations();
            if (!held.equals(ledgered)) {
                String who = held.keySet().stream()
                        .filter(m -> !Objects.equals(held.get(m), ledgered.get(m)))
                        .findFirst()
                        .orElseGet(() -> ledgered.keySet().stream()
                                .filter(m -> !held.containsKey(m))
                                .findFirst()
                                .orElse("?"));
                return "the declaration of member " + who + " is not the one the ledger holds";
            }
        }
        Map<String, String> committed = replay.currentCommitments();
        List<Openings.Current> current = openings.current(p);
        if (current.size() != committed.size()) {
            return current.size() + " current ballots in the ballot table, " + committed.size() + " in the ledger";
        }
        for (Openings.Current b : current) {
            String commitment = committed.get(b.receipt());
            if (commitment == null) {
                return "a current ballot has a receipt that is not a voter's last ballot entry: " + b.receipt();
            }
            if (!commitment.equals(b.commitment())) {
                return "the ballot with receipt " + b.receipt() + " is not the one its entry commits to";
            }
        }
        if (p.phase == Phase.CLOSED) {
            String stored = results.storedResultJson(p.id).orElse(null);
            if (stored == null || !LedgerReplay.sha256(stored).equals(LedgerReplay.sha256(outcome.resultJson()))) {
                return "the stored result is not the one the ledger's close published";
            }
        }
        return null;
    }
}
