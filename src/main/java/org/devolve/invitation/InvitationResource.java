package org.devolve.invitation;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.devolve.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Following an invitation link: what it invites to, and joining with it. */
@Path("/api/v1/invitations/{token}")
@Tag(name = "Invitations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class InvitationResource {

    private final InvitationQueries queries;
    private final AcceptInvitation accept;

    InvitationResource(InvitationQueries queries, AcceptInvitation accept) {
        this.queries = queries;
        this.accept = accept;
    }

    @GET
    @Operation(
            summary = "What an invitation link invites to",
            description = "The token is the last part of the link. Refused like accepting it would be (invalid, "
                    + "expired, used by someone else, revoked).")
    public InvitationViews.Preview preview(
            @Parameter(description = "The link's token") @PathParam("token") String token) {
        return queries.preview(token);
    }

    @POST
    @Path("/accept")
    @Operation(summary = "Join the circle with an invitation link (the signed-in reader, once)")
    public InvitationViews.Accepted accept(@PathParam("token") String token) {
        return accept.accept(token);
    }

    /** A circle's invitations: {@code /api/v1/circles/{circle}/invitations} (facilitators and admins). */
    @Path("/api/v1/circles/{circle}/invitations")
    @Tag(name = "Invitations")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    static class OfCircle {

        private final InvitePeople invite;
        private final RevokeInvitation revoke;
        private final InvitationQueries queries;
        private final DevolveConfig config;

        OfCircle(InvitePeople invite, RevokeInvitation revoke, InvitationQueries queries, DevolveConfig config) {
            this.invite = invite;
            this.revoke = revoke;
            this.queries = queries;
            this.config = config;
        }

        @POST
        @Operation(
                summary = "Invite people by email address (facilitators, admins)",
                description = "One invitation per distinct address, each a signed, single-use link that expires "
                        + "(devolve.invitations.lifetime, 14 days by default); the links are in the answer, to share "
                        + "by other means, and each is mailed. Every bad address is named at once, and then nothing "
                        + "is sent.")
        @APIResponse(
                responseCode = "201",
                description = "Invited",
                content =
                        @Content(
                                mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = InvitationViews.SentList.class)))
        public Response invite(@PathParam("circle") String circle, @Valid @NotNull InvitationViews.Invite request) {
            return Response.status(201).entity(invite.invite(circle, request)).build();
        }

        @GET
        @Operation(summary = "Pending invitations, newest first (facilitators, admins)")
        public Page<InvitationViews.Sent> pending(
                @PathParam("circle") String circle,
                @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
                @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor")
                        String cursor) {
            return queries.pending(circle, PageRequest.of(limit, cursor, config.paging()));
        }

        @DELETE
        @Path("/{invitation}")
        @Operation(summary = "Revoke a pending invitation (facilitators, admins)")
        @APIResponse(responseCode = "204", description = "Revoked")
        public void revoke(@PathParam("circle") String circle, @PathParam("invitation") String invitation) {
            revoke.revoke(circle, invitation);
        }
    }

    /** Requests to join a circle: {@code /api/v1/circles/{circle}/join-requests}. */
    @Path("/api/v1/circles/{circle}/join-requests")
    @Tag(name = "Invitations")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    static class JoinRequests {

        private final AskToJoin ask;
        private final AnswerJoinRequest answer;
        private final InvitationQueries queries;
        private final DevolveConfig config;

        JoinRequests(AskToJoin ask, AnswerJoinRequest answer, InvitationQueries queries, DevolveConfig config) {
            this.ask = ask;
            this.answer = answer;
            this.queries = queries;
            this.config = config;
        }

        @POST
        @Operation(
                summary = "Ask to join the circle (signed-in non-members)",
                description =
                        "Its facilitators are told. Asking again while pending answers the pending request (200).")
        @APIResponse(
                responseCode = "201",
                description = "Asked",
                content =
                        @Content(
                                mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = InvitationViews.Request.class)))
        public Response ask(@PathParam("circle") String circle) {
            AskToJoin.Outcome outcome = ask.ask(circle);
            return Response.status(outcome.created() ? 201 : 200)
                    .entity(InvitationViews.Request.of(outcome.request()))
                    .build();
        }

        @GET
        @Operation(summary = "Pending requests to join, newest first (facilitators, admins)")
        public Page<InvitationViews.Request> pending(
                @PathParam("circle") String circle,
                @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
                @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor")
                        String cursor) {
            return queries.joinRequests(circle, PageRequest.of(limit, cursor, config.paging()));
        }

        @GET
        @Path("/mine")
        @Operation(summary = "My latest request to join the circle, with its answer (404 when none)")
        public InvitationViews.Request mine(@PathParam("circle") String circle) {
            return queries.myJoinRequest(circle).orElseThrow(() -> ProblemException.notFound("Your request to join"));
        }

        @POST
        @Path("/{request}/accept")
        @Operation(summary = "Accept a request to join: the requester becomes a member (facilitators, admins)")
        public InvitationViews.Request accept(
                @PathParam("circle") String circle, @PathParam("request") String request) {
            return InvitationViews.Request.of(answer.answer(circle, request, true));
        }

        @POST
        @Path("/{request}/decline")
        @Operation(summary = "Decline a request to join (facilitators, admins)")
        public InvitationViews.Request decline(
                @PathParam("circle") String circle, @PathParam("request") String request) {
            return InvitationViews.Request.of(answer.answer(circle, request, false));
        }
    }
}
