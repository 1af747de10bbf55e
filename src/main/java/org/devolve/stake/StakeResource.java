package org.devolve.stake;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
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

/** Stake declarations and their challenges. */
@Path("/api/v1/proposals/{proposal}")
@Tag(name = "Stakes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class StakeResource {

    private final StakeQueries queries;
    private final DeclareStake declare;
    private final ChallengeStake challenge;
    private final AnswerChallenge answer;
    private final ResolveChallenge resolve;
    private final DevolveConfig config;

    StakeResource(
            StakeQueries queries,
            DeclareStake declare,
            ChallengeStake challenge,
            AnswerChallenge answer,
            ResolveChallenge resolve,
            DevolveConfig config) {
        this.queries = queries;
        this.declare = declare;
        this.challenge = challenge;
        this.answer = answer;
        this.resolve = resolve;
        this.config = config;
    }

    @GET
    @Path("/stakes")
    @Operation(summary = "Declarations", description = "Highest level first, with flags and challenges.")
    public Page<StakeViews.StakeView> list(
            @PathParam("proposal") String proposal,
            @Parameter(
                            description = "Only those above their group's suggested level",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("flagged")
                    String flagged,
            @Parameter(description = "Only those with an open challenge", schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("challenged")
                    String challenged,
            @Parameter(description = "Only this affected group (id)") @QueryParam("group") String group,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, config.paging());
        return queries.list(
                proposal,
                new StakeQueries.Filter(
                        QueryParams.bool("flagged", flagged),
                        QueryParams.bool("challenged", challenged),
                        QueryParams.id("group", group)),
                page);
    }

    @GET
    @Path("/stakes/mine")
    @Operation(summary = "My declaration")
    public StakeViews.StakeView mine(@PathParam("proposal") String proposal) {
        return queries.mine(proposal);
    }

    @PUT
    @Path("/stakes/mine")
    @Operation(
            summary = "Declare or change my stake (during deliberation)",
            description =
                    "Level 0..5 in one of "
                            + "the affected groups. Above the group's suggested level a reason is required and the declaration is "
                            + "flagged. Where the circle has a stake budget, a level s costs s² points; a declaration over budget is "
                            + "refused with the points left. Until the deliberation deadline; new or raised declarations close the "
                            + "circle's challenge window before it. After a facilitator lowered it, not above that level again.")
    public StakeViews.StakeView declare(
            @PathParam("proposal") String proposal, @Valid @NotNull StakeRequests.Declare request) {
        Stake stake = declare.declare(proposal, request);
        return queries.view(stake);
    }

    @GET
    @Path("/challenges")
    @Operation(summary = "Challenges of declarations", description = "Oldest first.")
    public Page<StakeViews.ChallengeView> challenges(
            @PathParam("proposal") String proposal,
            @Parameter(schema = @Schema(implementation = ChallengeStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        return queries.challenges(
                proposal,
                QueryParams.oneOf("status", status, ChallengeStatus.class),
                PageRequest.of(limit, cursor, config.paging()));
    }

    @POST
    @Path("/stakes/{stake}/challenges")
    @Operation(
            summary = "Challenge a declaration (participants, during deliberation)",
            description = "Until the "
                    + "deliberation deadline. Once a challenge of mine on a declaration was ruled on, I may challenge it again "
                    + "only after its declarant changed it.")
    @APIResponse(
            responseCode = "201",
            description = "Challenged",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StakeViews.ChallengeView.class)))
    public Response challenge(
            @PathParam("proposal") String proposal,
            @PathParam("stake") String stake,
            @Valid @NotNull StakeRequests.Challenge request) {
        return Response.status(201)
                .entity(queries.challenge(challenge.challenge(proposal, stake, request.reason())))
                .build();
    }

    @POST
    @Path("/challenges/{challenge}/answer")
    @Operation(summary = "Answer a challenge of my declaration")
    public StakeViews.ChallengeView answer(
            @PathParam("proposal") String proposal,
            @PathParam("challenge") String challengeId,
            @Valid @NotNull StakeRequests.Answer request) {
        return queries.challenge(answer.answer(proposal, challengeId, request.answer()));
    }

    @POST
    @Path("/challenges/{challenge}/resolution")
    @Operation(
            summary = "Resolve a challenge (facilitators, admins)",
            description = "UPHOLD keeps the declaration; "
                    + "LOWER sets a lower level, above which its declarant cannot declare again. Nobody rules on a challenge "
                    + "to their own declaration.")
    public StakeViews.ChallengeView resolve(
            @PathParam("proposal") String proposal,
            @PathParam("challenge") String challengeId,
            @Valid @NotNull StakeRequests.Resolve request) {
        return queries.challenge(resolve.resolve(proposal, challengeId, request));
    }

    @POST
    @Path("/challenges/resolution")
    @Operation(
            summary = "Dismiss every open challenge, with a reason (facilitators, admins)",
            description =
                    "So "
                            + "that voting can open: the declarations stand, and the reason is written to the ledger with each "
                            + "challenge. Challenges to the caller's own declaration stay open, for another facilitator or an admin.")
    public StakeViews.Resolved resolveAll(
            @PathParam("proposal") String proposal, @Valid @NotNull StakeRequests.ResolveAll request) {
        ResolveChallenge.Dismissal dismissal = resolve.upholdAll(proposal, request.reason());
        return new StakeViews.Resolved(dismissal.resolved(), dismissal.leftOpen());
    }

    /** {@code GET /api/v1/me/budgets}. */
    @Path("/api/v1/me/budgets")
    @Tag(name = "Stakes")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    static class Budgets {

        private final StakeQueries queries;

        Budgets(StakeQueries queries) {
            this.queries = queries;
        }

        @GET
        @Operation(
                summary = "My stake budgets",
                description = "In each of my circles that has a stake budget: the "
                        + "points of the current period, used and left.")
        public List<StakeViews.BudgetView> budgets() {
            return queries.budgets();
        }
    }
}
