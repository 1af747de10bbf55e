package org.devolve.ballot;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** My ballot (a singleton resource), its history, and the ballots of public proposals. */
@Path("/api/v1/proposals/{proposal}")
@Tag(name = "Ballots")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class BallotResource {

    private final CastBallot cast;
    private final BallotQueries queries;
    private final DevolveConfig config;

    BallotResource(CastBallot cast, BallotQueries queries, DevolveConfig config) {
        this.cast = cast;
        this.queries = queries;
        this.config = config;
    }

    @PUT
    @Path("/ballot")
    @Operation(
            summary = "Cast or change my ballot (while voting is open)",
            description = "The last ballot before "
                    + "the close counts; earlier ones are kept. Casting the same ballot again changes nothing. The receipt "
                    + "is the hash of the ledger entry that records the ballot.")
    @APIResponse(
            responseCode = "201",
            description = "A new ballot was recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BallotViews.Mine.class)))
    @APIResponse(
            responseCode = "200",
            description = "Same as my current ballot: nothing changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BallotViews.Mine.class)))
    public Response put(@PathParam("proposal") String proposal, @Valid @NotNull BallotContent ballot) {
        CastBallot.Cast result = cast.cast(proposal, ballot);
        return Response.status(result.changed() ? 201 : 200)
                .entity(new BallotViews.Mine(
                        ballot, result.receipt(), result.castAt(), true, result.salt(), result.committed()))
                .build();
    }

    @GET
    @Path("/ballot")
    @Operation(summary = "My current ballot")
    public BallotViews.Mine mine(@PathParam("proposal") String proposal) {
        return queries.mine(proposal);
    }

    @GET
    @Path("/ballot/history")
    @Operation(summary = "Every ballot I cast in this proposal", description = "Oldest first; the last one is current.")
    public Page<BallotViews.Mine> history(
            @PathParam("proposal") String proposal,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        return queries.history(proposal, PageRequest.of(limit, cursor, config.paging()));
    }

    @GET
    @Path("/ballots")
    @Operation(
            summary = "Who voted what (public proposals)",
            description =
                    "Current ballots, by voter name, once "
                            + "voting has closed (or during voting when the proposal shows live results). Never for secret ballots.")
    public Page<BallotViews.Public> ballots(
            @PathParam("proposal") String proposal,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        return queries.ballots(proposal, PageRequest.of(limit, cursor, config.paging()));
    }
}
