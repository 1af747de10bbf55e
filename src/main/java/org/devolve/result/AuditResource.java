package org.devolve.result;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devolve.ballot.Openings;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.devolve.ledger.Ledger;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.paging.PageRequest;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.devolve.tally.io.LedgerBundle;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A proposal's ledger, for anyone taking part to audit: its entries (ballots as salted commitments only), a full
 * verification (the chain, the replay and recount, the tables against both), receipt lookups, and the whole
 * ledger as one file that the recount command checks on its own: {@code java -jar devolve-recount.jar --ledger}.
 */
@Path("/api/v1/proposals/{proposal}/ledger")
@Tag(name = "Ledger")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class AuditResource {

    private final Proposals proposals;
    private final Ledger ledger;
    private final VerifyLedger verify;
    private final ClosedExports exports;
    private final Openings openings;
    private final DevolveConfig config;

    AuditResource(Proposals proposals, Ledger ledger, VerifyLedger verify, ClosedExports exports,
            Openings openings, DevolveConfig config) {
        this.proposals = proposals;
        this.ledger = ledger;
        this.verify = verify;
        this.exports = exports;
        this.openings = openings;
        this.config = config;
    }

    @GET
    @Transactional
    @Operation(summary = "Ledger entries, in order", description = "Each with the name of its actor where the actor "
            + "is a member (never in the place of a secret ballot's pseudonym). A ballot's entry holds its commitment, "
            + "not its content.")
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
        List<Ledger.Entry> read = ledger.entries(p.id, from, size + 1);
        boolean more = read.size() > size;
        List<Ledger.Entry> shown = more ? read.subList(0, size) : read;
        Set<UUID> actors = new HashSet<>();
        shown.forEach(e -> actor(e.body()).ifPresent(actors::add));
        Map<UUID, MemberSummary> names = Member.summaries(actors);
        List<ResultViews.Entry> entries = new ArrayList<>();
        for (Ledger.Entry e : shown) {
            MemberSummary who = actor(e.body()).map(names::get).orElse(null);
            entries.add(new ResultViews.Entry(e.seq(), e.kind(), e.prevHash(), e.hash(), e.recordedAt(), e.body(), who));
        }
        return new ResultViews.Entries(entries, more ? shown.get(shown.size() - 1).seq() : null);
    }

    /** The member an entry's actor names (its canonical JSON starts with it), if it is a member id. */
    private static Optional<UUID> actor(String body) {
        String prefix = "{\"actor\":\"";
        if (!body.startsWith(prefix)) {
            return Optional.empty();
        }
        int end = body.indexOf('"', prefix.length());
        return end < 0 ? Optional.empty() : org.devolve.platform.web.Ids.parse(body.substring(prefix.length(), end));
    }

    @GET
    @Path("/verify")
    @Transactional
    @Operation(summary = "Verify the ledger and recount from it", description = "Recomputes the hash chain; replays "
            + "the decision entry by entry (rules, declarations, rulings, the electorate frozen when voting opened, "
            + "each ballot's commitment); once closed, checks the published tally document against the ledger and "
            + "recounts it to the result the close wrote; and checks the tables against the ledger. Names the first "
            + "entry or table that does not check out.")
    public ResultViews.Verification verify(@PathParam("proposal") String proposal) {
        return verify.verify(proposals.readable(proposal));
    }

    @GET
    @Path("/export")
    @Operation(summary = "The whole ledger as one file", description = "Every entry, and once the proposal is closed "
            + "the published tally document and (public proposals) each counted ballot's salt: "
            + "`java -jar devolve-recount.jar --ledger ledger.json` checks it all and recounts the result from it.")
    @APIResponse(responseCode = "200", description = "The ledger", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "{format, version, proposal, entries, document, openings}; see docs/tally-format.md")))
    public Response export(@PathParam("proposal") String proposal) {
        UUID id = QuarkusTransaction.requiringNew().call(() -> proposals.readable(proposal).id);
        StreamingOutput body = out -> QuarkusTransaction.requiringNew().run(() -> {
            Proposal p = Proposal.findById(id);
            String document = null;
            Map<String, String> revealed = Map.of();
            if (p.phase == Phase.CLOSED) {
                document = new String(exports.document(p).bytes(), java.nio.charset.StandardCharsets.UTF_8);
                revealed = openings.revealed(p);
            }
            try {
                LedgerBundle.Writer writer = LedgerBundle.writer(out, id.toString());
                ledger.forEach(id, e -> {
                    try {
                        writer.entry(new LedgerBundle.Entry(e.seq(), e.prevHash(), e.hash(), e.body()));
                    } catch (java.io.IOException failed) {
                        throw new java.io.UncheckedIOException(failed);
                    }
                });
                writer.finish(document, revealed);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return Response.ok(body, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"devolve-ledger-" + id + ".json\"").build();
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
        return new ResultViews.Receipt(e.hash(), e.seq(), e.kind(), e.recordedAt(), intact,
                ledger.head(p.id).seq() - e.seq());
    }
}
