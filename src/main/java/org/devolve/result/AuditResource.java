package org.devolve.result;

import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.devolve.ledger.Ledger;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.paging.PageRequest;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.ProposalAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A proposal's ledger, for anyone taking part to audit: its entries, a full verification, receipt lookups. */
@Path("/api/v1/proposals/{proposal}/ledger")
@Tag(name = "Ledger")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class AuditResource {

    private final ProposalAccess proposals;
    private final Ledger ledger;
    private final DevolveConfig config;

    AuditResource(ProposalAccess proposals, Ledger ledger, DevolveConfig config) {
        this.proposals = proposals;
        this.ledger = ledger;
        this.config = config;
    }

    @GET
    @Transactional
    @Operation(summary = "Ledger entries, in order")
    public ResultViews.Entries entries(@PathParam("proposal") String proposal,
            @Parameter(description = "Entries after this sequence number (0: from the start)") @QueryParam("after")
            String after,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit) {
        Proposal p = proposals.readable(proposal);
        long from = 0;
        if (after != null && !after.isBlank()) {
            try {
                from = Long.parseLong(after.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("after", "WRONG_TYPE", "must be a sequence number");
            }
            if (from < 0) {
                throw ProblemException.invalid("after", "RANGE", "must be 0 or more");
            }
        }
        int size = PageRequest.of(limit, null, config.paging()).limit();
        List<ResultViews.Entry> entries = ledger.entries(p.id, from, size + 1).stream()
                .map(e -> new ResultViews.Entry(e.seq(), e.kind(), e.prevHash(), e.hash(), e.recordedAt(), e.body()))
                .toList();
        boolean more = entries.size() > size;
        List<ResultViews.Entry> shown = more ? entries.subList(0, size) : entries;
        return new ResultViews.Entries(shown, more ? shown.get(shown.size() - 1).seq() : null);
    }

    @GET
    @Path("/verify")
    @Transactional
    @Operation(summary = "Recompute the chain", description = "Every entry's hash from its body and the hash before "
            + "it, contiguous sequence numbers, and the head kept on the proposal. Names the first entry that does "
            + "not check out.")
    public ResultViews.Verification verify(@PathParam("proposal") String proposal) {
        Proposal p = proposals.readable(proposal);
        Ledger.Verification v = ledger.verify(p.id);
        return new ResultViews.Verification(v.valid(), v.entries(), v.head(), v.firstBroken(), v.problem());
    }

    @GET
    @Path("/receipts/{receipt}")
    @Transactional
    @Operation(summary = "Find a receipt in the chain", description = "Confirms that the entry with this hash is in "
            + "the proposal's ledger, that it is intact, and how many entries chain onto it.")
    public ResultViews.Receipt receipt(@PathParam("proposal") String proposal, @PathParam("receipt") String receipt) {
        Proposal p = proposals.readable(proposal);
        if (receipt == null || !receipt.matches("[0-9a-f]{64}")) {
            throw ProblemException.invalid("receipt", "WRONG_TYPE", "must be 64 lower-case hex digits");
        }
        Ledger.Entry e = ledger.entry(p.id, receipt).orElseThrow(() -> ProblemException.of(
                ResultProblem.RECEIPT_NOT_FOUND, "No entry of this proposal's ledger has the hash " + receipt));
        boolean intact = Ledger.intact(e);
        return new ResultViews.Receipt(e.hash(), e.seq(), e.kind(), e.recordedAt(), intact, p.ledgerSeq - e.seq());
    }
}
