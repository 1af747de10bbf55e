package org.devolve.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.devolve.ledger.Ledger;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.ViolationCode;
import org.devolve.platform.web.Ids;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;

/** Reading a proposal's ledger: its entries in order, with their actors' names, and receipt lookups. */
@ApplicationScoped
class LedgerQueries {

    private final Proposals proposals;
    private final Ledger ledger;

    LedgerQueries(Proposals proposals, Ledger ledger) {
        this.proposals = proposals;
        this.ledger = ledger;
    }

    /** The entries after {@code after}, at most {@code limit} of them. */
    @Transactional
    AuditViews.Entries entries(String proposalRef, long after, int limit) {
        Proposal p = proposals.readable(proposalRef);
        List<Ledger.Entry> read = ledger.entries(p.id, after, limit + 1);
        boolean more = read.size() > limit;
        List<Ledger.Entry> shown = more ? read.subList(0, limit) : read;
        Set<UUID> actors = new HashSet<>();
        shown.forEach(e -> actor(e.body()).ifPresent(actors::add));
        Map<UUID, MemberSummary> names = Member.summaries(actors);
        List<AuditViews.Entry> entries = new ArrayList<>();
        for (Ledger.Entry e : shown) {
            MemberSummary who = actor(e.body()).map(names::get).orElse(null);
            entries.add(new AuditViews.Entry(e.seq(), e.kind(), e.prevHash(), e.hash(), e.recordedAt(), e.body(), who));
        }
        return new AuditViews.Entries(
                entries, more ? shown.get(shown.size() - 1).seq() : null);
    }

    /** The member an entry's actor names (its canonical JSON starts with it), if it is a member id. */
    private static Optional<UUID> actor(String body) {
        String prefix = "{\"actor\":\"";
        if (!body.startsWith(prefix)) {
            return Optional.empty();
        }
        int end = body.indexOf('"', prefix.length());
        return end < 0 ? Optional.empty() : Ids.parse(body.substring(prefix.length(), end));
    }

    /** The entry whose hash is {@code receipt}: whether it is intact, and how many entries chain onto it. */
    @Transactional
    AuditViews.Receipt receipt(String proposalRef, String receipt) {
        Proposal p = proposals.readable(proposalRef);
        if (receipt == null || !receipt.matches("[0-9a-f]{64}")) {
            throw ProblemException.invalid("receipt", ViolationCode.WRONG_TYPE, "must be 64 lower-case hex digits");
        }
        Ledger.Entry e = ledger.entry(p.id, receipt)
                .orElseThrow(() -> ProblemException.of(
                        AuditProblem.RECEIPT_NOT_FOUND, "No entry of this proposal's ledger has the hash " + receipt));
        return new AuditViews.Receipt(
                e.hash(),
                e.seq(),
                e.kind(),
                e.recordedAt(),
                Ledger.intact(e),
                ledger.head(p.id).seq() - e.seq());
    }
}
