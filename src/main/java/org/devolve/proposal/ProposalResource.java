package org.devolve.proposal;

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
import java.net.URI;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.devolve.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Proposals: drafting, reading, and moving through their lifecycle. */
@Path("/api/v1/proposals")
@Tag(name = "Proposals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class ProposalResource {

    private final ProposalQueries queries;
    private final EditDraft edit;
    private final AddGroup addGroup;
    private final RemoveGroup removeGroup;
    private final ChangeDeadlines deadlines;
    private final ChangePhase lifecycle;
    private final CorrectWording correct;
    private final CurrentMember current;
    private final DevolveConfig config;

    ProposalResource(
            ProposalQueries queries,
            EditDraft edit,
            AddGroup addGroup,
            RemoveGroup removeGroup,
            ChangeDeadlines deadlines,
            ChangePhase lifecycle,
            CorrectWording correct,
            CurrentMember current,
            DevolveConfig config) {
        this.queries = queries;
        this.edit = edit;
        this.addGroup = addGroup;
        this.removeGroup = removeGroup;
        this.deadlines = deadlines;
        this.lifecycle = lifecycle;
        this.correct = correct;
        this.current = current;
        this.config = config;
    }

    @GET
    @Operation(
            summary = "List proposals",
            description = "Newest first, among those the caller may see. Filter by "
                    + "deciding circle, phase, text, `affectingMe` (my circles, circles I am affected through, my stakes), or "
                    + "`openToOutsiders` (those anyone affected may join).")
    public Page<ProposalViews.Summary> list(
            @Parameter(description = "Deciding circle id") @QueryParam("circle") String circle,
            @Parameter(description = "Phase", schema = @Schema(implementation = Phase.class)) @QueryParam("phase")
                    String phase,
            @Parameter(description = "Only proposals that affect me", schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("affectingMe")
                    String affectingMe,
            @Parameter(
                            description = "Only proposals open to anyone signed in who is affected (self-identified "
                                    + "stakes)",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("openToOutsiders")
                    String openToOutsiders,
            @Parameter(description = "Text in the title or summary") @QueryParam("q") String q,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        current.summary();
        PageRequest page = PageRequest.of(limit, cursor, config.paging());
        return queries.list(
                new ProposalQueries.Filter(
                        QueryParams.id("circle", circle),
                        QueryParams.oneOf("phase", phase, Phase.class),
                        QueryParams.bool("affectingMe", affectingMe),
                        QueryParams.bool("openToOutsiders", openToOutsiders),
                        QueryParams.text("q", q, 100)),
                page);
    }

    @GET
    @Path("/{proposal}")
    @Operation(
            summary = "One proposal",
            description =
                    "With its options, rules, affected groups, timeline, ledger "
                            + "head and the caller's part. Drafts are visible to their author and the circle's facilitators only.")
    public ProposalViews.Detail one(@PathParam("proposal") String proposal) {
        return queries.detail(proposal);
    }

    @PUT
    @Path("/{proposal}")
    @Operation(summary = "Edit a draft (author while a member of the circle, facilitators)")
    public ProposalViews.Detail edit(
            @PathParam("proposal") String proposal, @NotNull ProposalRequests.Content content) {
        return queries.detail(edit.edit(proposal, content).id.toString());
    }

    @POST
    @Path("/{proposal}/phase")
    @Operation(
            summary = "Move the proposal to another phase (facilitators; the author opens and withdraws)",
            description = "DRAFT → DELIBERATION (needs an affected group), DELIBERATION → VOTING (needs every stake "
                    + "challenge resolved and the end of voting ahead), VOTING → CLOSED (counts the result), DRAFT or "
                    + "DELIBERATION → WITHDRAWN. A facilitator of the deciding circle makes every move; the author, "
                    + "while a member of that circle, opens deliberation and withdraws. The scheduler opens and "
                    + "closes voting at the deadlines.")
    public ProposalViews.Detail phase(
            @PathParam("proposal") String proposal, @Valid @NotNull ProposalRequests.PhaseChange change) {
        return queries.detail(
                lifecycle.change(proposal, change.phase(), change.note()).id.toString());
    }

    @PUT
    @Path("/{proposal}/deadlines")
    @Operation(
            summary = "Set the deadlines (in a draft: author, facilitators; then facilitators)",
            description =
                    "Once open: until the end of voting; a deadline is moved only while it lies ahead, to an instant ahead; "
                            + "once voting is open, its end can be moved but not removed. The change is written to the ledger.")
    public ProposalViews.Detail deadlines(
            @PathParam("proposal") String proposal, @Valid @NotNull ProposalRequests.Deadlines deadlines) {
        return queries.detail(this.deadlines.change(proposal, deadlines).id.toString());
    }

    @POST
    @Path("/{proposal}/corrections")
    @Operation(
            summary = "Correct the wording (author while a member, facilitators; during deliberation and voting)",
            description = "Title, summary, body and option labels only, with a note saying what was corrected; "
                    + "the method, the options' number and order, the rules, groups and deadlines stay frozen "
                    + "(naming one is refused, FROZEN). Kept in the edit history and written to the ledger.")
    public ProposalViews.Detail correct(
            @PathParam("proposal") String proposal, @Valid @NotNull ProposalRequests.Correction correction) {
        return queries.detail(correct.correct(proposal, correction).id.toString());
    }

    @GET
    @Path("/{proposal}/revisions")
    @Operation(summary = "The edit history: corrections of the wording, newest first")
    public Page<ProposalViews.Revision> revisions(
            @PathParam("proposal") String proposal,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        return queries.revisions(proposal, PageRequest.of(limit, cursor, config.paging()));
    }

    @POST
    @Path("/{proposal}/groups")
    @Operation(
            summary = "Add an affected group (in a draft: author, facilitators; then facilitators)",
            description = "In a draft, or during deliberation until its deadline, when discussion shows that others "
                    + "are affected too.")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProposalViews.Detail.class)))
    public Response addGroup(@PathParam("proposal") String proposal, @Valid @NotNull ProposalRequests.GroupSpec group) {
        addGroup.add(proposal, group);
        return Response.status(201).entity(queries.detail(proposal)).build();
    }

    @DELETE
    @Path("/{proposal}/groups/{group}")
    @Operation(summary = "Remove an affected group from a draft (author while a member, facilitators)")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeGroup(@PathParam("proposal") String proposal, @PathParam("group") String group) {
        removeGroup.remove(proposal, group);
    }

    /** Created under the deciding circle: {@code POST /api/v1/circles/{circle}/proposals}. */
    @Path("/api/v1/circles/{circle}/proposals")
    @Tag(name = "Proposals")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    static class InCircle {

        private final CreateProposal create;
        private final ProposalQueries queries;

        InCircle(CreateProposal create, ProposalQueries queries) {
            this.create = create;
            this.queries = queries;
        }

        @POST
        @Operation(
                summary = "Draft a proposal for a circle (its members)",
                description =
                        "The proposal starts as a " + "DRAFT that only its author and the circle's facilitators see.")
        @APIResponse(
                responseCode = "201",
                description = "Drafted",
                content =
                        @Content(
                                mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = ProposalViews.Detail.class)))
        public Response create(@PathParam("circle") String circle, @NotNull ProposalRequests.Content content) {
            Proposal p = create.create(circle, content);
            return Response.created(URI.create("/api/v1/proposals/" + p.id))
                    .entity(queries.detail(p.id.toString()))
                    .build();
        }
    }
}
