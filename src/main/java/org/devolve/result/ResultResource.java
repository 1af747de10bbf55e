package org.devolve.result;

import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.CloseProblem;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.devolve.proposal.StuckProposals;
import org.devolve.tally.TallyResult;
import org.devolve.tally.io.ResultJson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Results: the final tally once a proposal closes (stored with the ledger head it was computed from), the live
 * tally during voting only where the proposal opted in (no bandwagon otherwise; never for secret proposals),
 * turnout always, and the export anyone can recount: {@code java -jar devolve-recount.jar export.json}. What a
 * closed proposal answers never changes: it carries an entity tag, and a client that has it is answered 304.
 */
@Path("/api/v1/proposals/{proposal}")
@Tag(name = "Results")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class ResultResource {

    private final Proposals proposals;
    private final Tallying tallying;
    private final Turnouts turnout;
    private final ClosedExports exports;
    private final StuckProposals stuck;
    private final org.devolve.ledger.Ledger ledger;

    ResultResource(Proposals proposals, Tallying tallying, Turnouts turnout, ClosedExports exports,
            StuckProposals stuck, org.devolve.ledger.Ledger ledger) {
        this.ledger = ledger;
        this.proposals = proposals;
        this.tallying = tallying;
        this.turnout = turnout;
        this.exports = exports;
        this.stuck = stuck;
    }

    @GET
    @Path("/result")
    @Transactional
    @Operation(summary = "The result", description = "Final once closed; during voting only when the proposal shows "
            + "live results. Outcome, totals, turnout, quorum, threshold, protection, ties with their rule, the "
            + "breakdown by affected group and stake level, the one-person-one-vote and anchored counterfactuals, "
            + "delegated weight, fragility, and for secret proposals what the tally can still reveal. A final result "
            + "carries an ETag (the SHA-256 of the engine's result JSON). While a close that is due keeps failing to "
            + "count, `409 COUNT_FAILED` says why.")
    @APIResponse(responseCode = "200", description = "The result", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultViews.Result.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    public Response result(@PathParam("proposal") String proposal,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Proposal p = proposals.readable(proposal);
        if (p.phase == Phase.CLOSED) {
            ProposalResult stored = ProposalResult.findById(p.id);
            String sha = org.devolve.tally.io.LedgerReplay.sha256(stored.resultJson);
            String etag = "\"" + sha + "\"";
            if (etag.equals(ifNoneMatch)) {
                return Response.notModified().tag(sha).build();
            }
            return Response.ok(new ResultViews.Result(p.id, true, stored.ledgerSeq, stored.ledgerHead,
                    stored.computedAt, sha, tallying.view(stored.resultJson))).tag(sha).build();
        }
        stuck.of(p).filter(failed -> failed.to() == Phase.CLOSED).ifPresent(failed -> {
            throw CloseProblem.countFailed(failed);
        });
        if (p.phase == Phase.VOTING && p.liveResults && !p.secret) {
            org.devolve.ledger.Ledger.Head head = ledger.head(p.id);
            TallyResult live = tallying.now(p, true);
            return Response.ok(new ResultViews.Result(p.id, false, head.seq(), head.hash(), java.time.Instant.now(),
                    null, tallying.view(ResultJson.write(live)))).build();
        }
        throw ProblemException.of(ResultProblem.RESULT_NOT_AVAILABLE, p.phase == Phase.VOTING
                ? "Results are shown once voting closes; turnout is live at /turnout"
                : "There is no result while the proposal is " + p.phase.name().toLowerCase(java.util.Locale.ROOT))
                .with("phase", p.phase.name());
    }

    @GET
    @Path("/turnout")
    @Transactional
    @Operation(summary = "Turnout, always live", description = "Weight cast (own and delegated ballots) ÷ weight "
            + "declared, heads, and whether the quorum is met so far. In a secret proposal it moves only when at least "
            + "k people more or fewer are counted, so that no step shows one ballot's weight.")
    public ResultViews.Turnout turnout(@PathParam("proposal") String proposal) {
        return turnout.of(proposals.readable(proposal));
    }

    @GET
    @Path("/export.json")
    @Transactional
    @Operation(summary = "The tally document (closed proposals)", description = "The engine's input, from which "
            + "anyone can recount with `java -jar devolve-recount.jar export.json` and get the same result. Its "
            + "SHA-256 is in the ledger entry that closed the proposal (and is its ETag). In a secret proposal no row "
            + "names anyone, and rows are in an order that carries no information. Format: docs/tally-format.md.")
    @APIResponse(responseCode = "200", description = "The tally document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "See docs/tally-document.schema.json")))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    public Response exportJson(@PathParam("proposal") String proposal,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Proposal p = closed(proposal);
        return send(exports.document(p), ifNoneMatch, MediaType.APPLICATION_JSON, "devolve-" + p.id + ".json");
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Transactional
    @Operation(summary = "The tally document as CSV (closed proposals)", description = "One line per declaration: "
            + "voter, voter_name, stake, group, group_name, weight, lower_to, delegate, via, voted, ballot (voters and "
            + "delegates empty in secret proposals). Text that a spreadsheet would run as a formula is prefixed with "
            + "an apostrophe.")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    public Response exportCsv(@PathParam("proposal") String proposal,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Proposal p = closed(proposal);
        return send(exports.csv(p), ifNoneMatch, "text/csv; charset=UTF-8", "devolve-" + p.id + ".csv");
    }

    private static Response send(ClosedExports.Export export, String ifNoneMatch, String type, String filename) {
        String sha = export.etag().substring(1, export.etag().length() - 1);
        if (export.etag().equals(ifNoneMatch)) {
            return Response.notModified().tag(sha).build();
        }
        return Response.ok(export.bytes(), type).tag(sha)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private Proposal closed(String proposal) {
        Proposal p = proposals.readable(proposal);
        if (p.phase != Phase.CLOSED) {
            throw ProblemException.of(ResultProblem.RESULT_NOT_AVAILABLE, "The export exists once the proposal closes")
                    .with("phase", p.phase.name());
        }
        return p;
    }
}
