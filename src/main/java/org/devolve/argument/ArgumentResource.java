package org.devolve.argument;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.devolve.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Arguments: a plurality of narratives, not one. Anyone taking part argues during deliberation and voting,
 * whatever their stake (a person at stake 0 has no vote but may still argue); each argument is shown with
 * the group its author declared themself affected as.
 */
@Path("/api/v1/proposals/{proposal}/arguments")
@Tag(name = "Arguments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class ArgumentResource {

    private final PostArgument post;
    private final EditArgument edit;
    private final RemoveArgument remove;
    private final ArgumentQueries queries;
    private final DevolveConfig config;

    ArgumentResource(
            PostArgument post,
            EditArgument edit,
            RemoveArgument remove,
            ArgumentQueries queries,
            DevolveConfig config) {
        this.post = post;
        this.edit = edit;
        this.remove = remove;
        this.queries = queries;
        this.config = config;
    }

    @GET
    @Operation(summary = "Arguments", description = "Oldest first; filter by side.")
    public Page<ArgumentViews.View> list(
            @PathParam("proposal") String proposal,
            @Parameter(schema = @Schema(implementation = Argument.Side.class)) @QueryParam("side") String side,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, config.paging());
        return queries.list(proposal, QueryParams.oneOf("side", side, Argument.Side.class), page);
    }

    @POST
    @Operation(summary = "Argue (participants, during deliberation and voting)")
    @APIResponse(
            responseCode = "201",
            description = "Posted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ArgumentViews.View.class)))
    public Response post(@PathParam("proposal") String proposal, @Valid @NotNull ArgumentViews.Post body) {
        return Response.status(201)
                .entity(queries.view(post.post(proposal, body)))
                .build();
    }

    @PUT
    @Path("/{argument}")
    @Operation(
            summary = "Edit my argument (its author, during deliberation and voting)",
            description = "The text it replaces is kept in its history (`…/revisions`).")
    public ArgumentViews.View edit(
            @PathParam("proposal") String proposal,
            @PathParam("argument") String argument,
            @Valid @NotNull ArgumentViews.Edit body) {
        return queries.view(edit.edit(proposal, argument, body));
    }

    @DELETE
    @Path("/{argument}")
    @Operation(
            summary = "Remove my argument (its author, during deliberation and voting)",
            description =
                    "It stays in its place as removed by its author, with the time; its text and history are gone.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("proposal") String proposal, @PathParam("argument") String argument) {
        remove.remove(proposal, argument);
    }

    @GET
    @Path("/{argument}/revisions")
    @Operation(summary = "An argument's earlier texts, newest first")
    public Page<ArgumentViews.Revision> revisions(
            @PathParam("proposal") String proposal,
            @PathParam("argument") String argument,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        return queries.revisions(proposal, argument, PageRequest.of(limit, cursor, config.paging()));
    }
}
