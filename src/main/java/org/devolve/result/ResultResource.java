package org.devolve.result;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    private final ResultQueries queries;

    ResultResource(ResultQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/result")
    @Operation(
            summary = "The result",
            description = "Final once closed; during voting only when the proposal shows "
                    + "live results. Outcome, totals, turnout, quorum, threshold, protection, ties with their rule, the "
                    + "breakdown by affected group and stake level, the one-person-one-vote and anchored counterfactuals, "
                    + "delegated weight, fragility, and for secret proposals what the tally can still reveal. A final result "
                    + "carries an ETag (the SHA-256 of the engine's result JSON). While a close that is due keeps failing to "
                    + "count, `409 COUNT_FAILED` says why.")
    @APIResponse(
            responseCode = "200",
            description = "The result",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResultViews.Result.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    public Response result(
            @PathParam("proposal") String proposal, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ResultQueries.Answer answer = queries.result(proposal, ifNoneMatch);
        if (answer.notModified()) {
            return Response.notModified().tag(answer.sha256()).build();
        }
        Response.ResponseBuilder ok = Response.ok(answer.result());
        return (answer.sha256() == null ? ok : ok.tag(answer.sha256())).build();
    }

    @GET
    @Path("/turnout")
    @Operation(
            summary = "Turnout, always live",
            description = "Weight cast (own and delegated ballots) ÷ weight "
                    + "declared, heads, and whether the quorum is met so far. In a secret proposal it moves only when at least "
                    + "k people more or fewer are counted, so that no step shows one ballot's weight.")
    public ResultViews.Turnout turnout(@PathParam("proposal") String proposal) {
        return queries.turnout(proposal);
    }

    @GET
    @Path("/export.json")
    @Operation(
            summary = "The tally document (closed proposals)",
            description =
                    "The engine's input, from which "
                            + "anyone can recount with `java -jar devolve-recount.jar export.json` and get the same result. Its "
                            + "SHA-256 is in the ledger entry that closed the proposal (and is its ETag). In a secret proposal no row "
                            + "names anyone, and rows are in an order that carries no information. Format: docs/tally-format.md.")
    @APIResponse(
            responseCode = "200",
            description = "The tally document",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                                            description = "See docs/tally-document.schema.json")))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    public Response exportJson(
            @PathParam("proposal") String proposal, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return send(queries.document(proposal), ifNoneMatch, MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(
            summary = "The tally document as CSV (closed proposals)",
            description = "One line per declaration: "
                    + "voter, voter_name, stake, group, group_name, weight, lower_to, delegate, via, voted, ballot (voters and "
                    + "delegates empty in secret proposals). Text that a spreadsheet would run as a formula is prefixed with "
                    + "an apostrophe.")
    @APIResponse(
            responseCode = "200",
            description = "CSV",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    public Response exportCsv(
            @PathParam("proposal") String proposal, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return send(queries.csv(proposal), ifNoneMatch, "text/csv; charset=UTF-8");
    }

    private static Response send(ResultQueries.Download download, String ifNoneMatch, String type) {
        ClosedExports.Export export = download.export();
        String sha = export.etag().substring(1, export.etag().length() - 1);
        if (export.etag().equals(ifNoneMatch)) {
            return Response.notModified().tag(sha).build();
        }
        return Response.ok(export.bytes(), type)
                .tag(sha)
                .header("Content-Disposition", "attachment; filename=\"" + download.filename() + "\"")
                .build();
    }
}
