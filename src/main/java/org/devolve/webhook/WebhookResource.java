package org.devolve.webhook;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
 * A circle's outgoing webhooks, for its facilitators and admins: endpoints, their secrets (shown once), their
 * delivery logs and redelivery. The format of a delivery is in docs/integrations.md.
 */
@Path("/api/v1/circles/{circle}/webhooks")
@Tag(name = "Webhooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class WebhookResource {

    private final WebhookQueries queries;
    private final RegisterEndpoint register;
    private final EditEndpoint edit;
    private final DeleteEndpoint delete;
    private final RotateSecret rotate;
    private final Redeliver redeliver;
    private final DevolveConfig config;

    WebhookResource(
            WebhookQueries queries,
            RegisterEndpoint register,
            EditEndpoint edit,
            DeleteEndpoint delete,
            RotateSecret rotate,
            Redeliver redeliver,
            DevolveConfig config) {
        this.queries = queries;
        this.register = register;
        this.edit = edit;
        this.delete = delete;
        this.rotate = rotate;
        this.redeliver = redeliver;
        this.config = config;
    }

    @GET
    @Operation(summary = "The circle's webhook endpoints (facilitators, admins)", description = "Oldest first.")
    public WebhookViews.Endpoints list(@Parameter(description = "Id or slug") @PathParam("circle") String circle) {
        return queries.endpoints(circle);
    }

    @POST
    @Operation(
            summary = "Register a webhook endpoint (facilitators, admins)",
            description = "The answer holds the signing secret, shown this once.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookViews.Secret.class)))
    public Response register(@PathParam("circle") String circle, @NotNull WebhookRequests.Register request) {
        WebhookViews.Secret created = register.register(circle, request);
        return Response.created(
                        URI.create("/api/v1/circles/" + created.endpoint().circleId() + "/webhooks/"
                                + created.endpoint().id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{endpoint}")
    @Operation(summary = "One webhook endpoint (facilitators, admins)")
    public WebhookViews.Endpoint one(@PathParam("circle") String circle, @PathParam("endpoint") String endpoint) {
        return queries.endpoint(circle, endpoint);
    }

    @PATCH
    @Path("/{endpoint}")
    @Operation(
            summary = "Change a webhook endpoint (facilitators, admins)",
            description = "Its URL, events, description, or disable and enable it.")
    public WebhookViews.Endpoint change(
            @PathParam("circle") String circle,
            @PathParam("endpoint") String endpoint,
            @NotNull WebhookRequests.Change request) {
        return edit.change(circle, endpoint, request);
    }

    @DELETE
    @Path("/{endpoint}")
    @Operation(summary = "Delete a webhook endpoint and its delivery log (facilitators, admins)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response remove(@PathParam("circle") String circle, @PathParam("endpoint") String endpoint) {
        delete.delete(circle, endpoint);
        return Response.noContent().build();
    }

    @POST
    @Path("/{endpoint}/rotation")
    @Operation(
            summary = "Rotate the signing secret (facilitators, admins)",
            description = "The new secret, shown this once, signs from now on; the previous one also signs until "
                    + "previousSecretValidUntil.")
    public WebhookViews.Secret rotateSecret(
            @PathParam("circle") String circle, @PathParam("endpoint") String endpoint) {
        return rotate.rotate(circle, endpoint);
    }

    @GET
    @Path("/{endpoint}/deliveries")
    @Operation(summary = "The endpoint's delivery log (facilitators, admins)", description = "Newest first.")
    public Page<WebhookViews.Delivery> deliveries(
            @PathParam("circle") String circle,
            @PathParam("endpoint") String endpoint,
            @Parameter(
                            description = "Only this status",
                            schema = @Schema(enumeration = {"PENDING", "SUCCEEDED", "FAILED"}))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, config.paging());
        return queries.deliveries(
                circle, endpoint, QueryParams.oneOf("status", status, WebhookDelivery.Status.class), page);
    }

    @POST
    @Path("/{endpoint}/deliveries/{delivery}/redelivery")
    @Operation(
            summary = "Send a delivery again (facilitators, admins)",
            description = "At once, with the same body and webhook-id.")
    @APIResponse(
            responseCode = "202",
            description = "Due now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookViews.Delivery.class)))
    public Response redeliver(
            @PathParam("circle") String circle,
            @PathParam("endpoint") String endpoint,
            @PathParam("delivery") String delivery) {
        return Response.accepted(redeliver.redeliver(circle, endpoint, delivery))
                .build();
    }
}
