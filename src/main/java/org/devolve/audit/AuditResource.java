package org.devolve.audit;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.paging.PageRequest;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.ViolationCode;
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

    private final LedgerQueries queries;
    private final VerifyLedger verify;
    private final LedgerExport export;
    private final DevolveConfig config;

    AuditResource(LedgerQueries queries, VerifyLedger verify, LedgerExport export, DevolveConfig config) {
        this.queries = queries;
        this.verify = verify;
        this.export = export;
        this.config = config;
    }

    @GET
    @Operation(
            summary = "Ledger entries, in order",
            description = "Each with the name of its actor where the actor "
                    + "is a member (never in the place of a secret ballot's pseudonym). A ballot's entry holds its commitment, "
                    + "not its content.")
    public AuditViews.Entries entries(
            @PathParam("proposal") String proposal,
            @Parameter(description = "Entries after this sequence number (0: from the start)") @QueryParam("after")
                    String after,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit) {
        long from = 0;
        if (after != null && !after.isBlank()) {
            try {
                from = Long.parseLong(after.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("after", ViolationCode.WRONG_TYPE, "must be a sequence number");
            }
            if (from < 0) {
                throw ProblemException.invalid("after", ViolationCode.RANGE, "must be 0 or more");
            }
        }
        return queries.entries(
                proposal, from, PageRequest.of(limit, null, config.paging()).limit());
    }

    @GET
    @Path("/verify")
    @Operation(
            summary = "Verify the ledger and recount from it",
            description = "Recomputes the hash chain; replays "
                    + "the decision entry by entry (rules, declarations, rulings, the electorate frozen when voting opened, "
                    + "each ballot's commitment); once closed, checks the published tally document against the ledger and "
                    + "recounts it to the result the close wrote; and checks the tables against the ledger. Names the first "
                    + "entry or table that does not check out.")
    public AuditViews.Verification verify(@PathParam("proposal") String proposal) {
        return verify.verify(proposal);
    }

    @GET
    @Path("/export")
    @Operation(
            summary = "The whole ledger as one file",
            description =
                    "Every entry, and once the proposal is closed "
                            + "the published tally document and (public proposals) each counted ballot's salt: "
                            + "`java -jar devolve-recount.jar --ledger ledger.json` checks it all and recounts the result from it.")
    @APIResponse(
            responseCode = "200",
            description = "The ledger",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                                            description =
                                                    "{format, version, proposal, entries, document, openings}; see docs/tally-format.md")))
    public Response export(@PathParam("proposal") String proposal) {
        UUID id = export.readable(proposal);
        StreamingOutput body = out -> export.write(id, out);
        return Response.ok(body, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"devolve-ledger-" + id + ".json\"")
                .build();
    }

    @GET
    @Path("/receipts/{receipt}")
    @Operation(
            summary = "Find a receipt in the chain",
            description = "Confirms that the entry with this hash is in "
                    + "the proposal's ledger, that it is intact, and how many entries chain onto it.")
    public AuditViews.Receipt receipt(@PathParam("proposal") String proposal, @PathParam("receipt") String receipt) {
        return queries.receipt(proposal, receipt);
    }
}
