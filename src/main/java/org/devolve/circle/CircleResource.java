package org.devolve.circle;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
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

/** Circles, their graph and their members. Every signed-in member may read; managing is restricted. */
@Path("/api/v1/circles")
@Tag(name = "Circles")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class CircleResource {

    private final CircleQueries queries;
    private final CreateCircle createCircle;
    private final EditCircle editCircle;
    private final LinkCircles linkCircles;
    private final ManageMembership membership;
    private final CurrentMember current;
    private final DevolveConfig config;

    CircleResource(
            CircleQueries queries,
            CreateCircle createCircle,
            EditCircle editCircle,
            LinkCircles linkCircles,
            ManageMembership membership,
            CurrentMember current,
            DevolveConfig config) {
        this.queries = queries;
        this.createCircle = createCircle;
        this.editCircle = editCircle;
        this.linkCircles = linkCircles;
        this.membership = membership;
        this.current = current;
        this.config = config;
    }

    @GET
    @Operation(
            summary = "List circles",
            description = "By name. Filter by parent circle, by the caller's "
                    + "membership, or by text in the name, slug or description.")
    public Page<CircleSummary> list(
            @Parameter(description = "Only the children of this circle (id)") @QueryParam("parent") String parent,
            @Parameter(description = "Only circles the caller belongs to", schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("mine")
                    String mine,
            @Parameter(description = "Text to look for") @QueryParam("q") String q,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        current.summary();
        PageRequest page = PageRequest.of(limit, cursor, config.paging());
        return queries.list(
                new CircleQueries.Filter(
                        QueryParams.id("parent", parent),
                        QueryParams.bool("mine", mine),
                        QueryParams.text("q", q, 100)),
                page);
    }

    @POST
    @RolesAllowed(CurrentMember.ADMIN)
    @Operation(summary = "Create a circle (admins)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CircleView.class)))
    public Response create(@Valid @NotNull CircleRequests.Create request) {
        Circle circle = createCircle.create(request);
        return Response.created(URI.create("/api/v1/circles/" + circle.id))
                .entity(queries.view(circle.id.toString()))
                .build();
    }

    @GET
    @Path("/{circle}")
    @Operation(
            summary = "One circle",
            description = "By id or slug, with its parents, children, member count " + "and the caller's role.")
    public CircleView one(@Parameter(description = "Id or slug") @PathParam("circle") String circle) {
        return queries.view(circle);
    }

    @PUT
    @Path("/{circle}")
    @Operation(
            summary = "Edit a circle (facilitators, admins)",
            description = "Name, description and kind; " + "the slug does not change.")
    public CircleView edit(@PathParam("circle") String circle, @Valid @NotNull CircleRequests.Edit request) {
        return queries.view(editCircle.edit(circle, request).id.toString());
    }

    @PUT
    @Path("/{circle}/policy")
    @Operation(
            summary = "Set the circle's stake policies (facilitators, admins)",
            description = "A stake budget "
                    + "per member per period (level s costs s² points), whether declarations may be challenged, and the challenge "
                    + "window before a deliberation deadline.")
    public CircleView policy(@PathParam("circle") String circle, @Valid @NotNull CirclePolicy policy) {
        return queries.view(editCircle.policy(circle, policy).id.toString());
    }

    @GET
    @Path("/{circle}/members")
    @Operation(summary = "Members of a circle", description = "By name; optionally only one role.")
    public Page<MembershipView> members(
            @PathParam("circle") String circle,
            @Parameter(description = "Only this role", schema = @Schema(implementation = Role.class))
                    @QueryParam("role")
                    String role,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, config.paging());
        return queries.members(circle, QueryParams.oneOf("role", role, Role.class), page);
    }

    @GET
    @Path("/{circle}/history")
    @Operation(
            summary = "A circle's history",
            description = "Newest first: who joined, changed role, was removed " + "or left, and who made each change.")
    public Page<CircleEventView> history(
            @PathParam("circle") String circle,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, config.paging());
        return queries.history(circle, page);
    }

    @PUT
    @Path("/{circle}/members/{member}")
    @Operation(
            summary = "Add a member or change their role (facilitators, admins)",
            description = "Idempotent. Only an admin makes another facilitator a plain member (a facilitator may step "
                    + "down themself); the last facilitator cannot be made a plain member. Each change is in the "
                    + "circle's history.")
    @APIResponse(
            responseCode = "200",
            description = "Role changed or unchanged",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Member added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MembershipView.class)))
    public Response setMember(
            @PathParam("circle") String circle,
            @Parameter(description = "Member id") @PathParam("member") String member,
            @Valid @NotNull CircleRequests.SetMembership request) {
        ManageMembership.Outcome outcome = membership.set(circle, member, request.role());
        MembershipView view = queries.membership(outcome.membership());
        return Response.status(outcome.created() ? 201 : 200).entity(view).build();
    }

    @DELETE
    @Path("/{circle}/members/{member}")
    @Operation(
            summary = "Remove a member, or leave",
            description = "Facilitators and admins remove plain members, "
                    + "only admins remove a facilitator; a member removes themself (use their id or `me`). The last "
                    + "facilitator cannot leave. Each removal is in the circle's history.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeMember(
            @PathParam("circle") String circle,
            @Parameter(description = "Member id, or `me`") @PathParam("member") String member) {
        membership.remove(circle, member);
    }

    @PUT
    @Path("/{circle}/parents/{parent}")
    @Operation(
            summary = "Make a circle belong to a parent circle (facilitators of the parent, admins)",
            description = "Idempotent. Refused with circle-cycle when the parent already belongs to the circle, "
                    + "directly or through others.")
    @APIResponse(
            responseCode = "200",
            description = "The circle, with its parents",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CircleView.class)))
    public CircleView link(
            @PathParam("circle") String circle,
            @Parameter(description = "Id or slug of the parent") @PathParam("parent") String parent) {
        linkCircles.link(circle, parent);
        return queries.view(circle);
    }

    @DELETE
    @Path("/{circle}/parents/{parent}")
    @Operation(summary = "Separate a circle from a parent (facilitators of either, admins)")
    @APIResponse(responseCode = "204", description = "Separated")
    public void unlink(@PathParam("circle") String circle, @PathParam("parent") String parent) {
        linkCircles.unlink(circle, parent);
    }
}
