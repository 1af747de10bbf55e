package org.devolve.integration;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Integrations (service accounts): admins register and disable them. Their roles in circles are granted like a
 * person's, with {@code PUT /api/v1/circles/{circle}/members/{id}}.
 */
@Path("/api/v1/integrations")
@Tag(name = "Integrations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class IntegrationResource {

    private final RegisterIntegration register;
    private final DisableIntegration disable;
    private final IntegrationQueries queries;
    private final DevolveConfig config;

    IntegrationResource(
            RegisterIntegration register,
            DisableIntegration disable,
            IntegrationQueries queries,
            DevolveConfig config) {
        this.register = register;
        this.disable = disable;
        this.queries = queries;
        this.config = config;
    }

    @GET
    @Operation(summary = "List integrations (admins)", description = "Newest first.")
    public Page<IntegrationViews.View> list(
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        return queries.list(PageRequest.of(limit, cursor, config.paging()));
    }

    @POST
    @Operation(
            summary = "Register an integration (admins)",
            description = "A Keycloak client with the client-credentials grant; it becomes a member of kind "
                    + "integration, a plain member of its owner circle.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IntegrationViews.View.class)))
    public Response register(@Valid @NotNull IntegrationViews.Registration request) {
        IntegrationViews.View view = register.register(request);
        return Response.created(URI.create("/api/v1/integrations/" + view.id()))
                .entity(view)
                .build();
    }

    @POST
    @Path("/{integration}/disable")
    @Operation(summary = "Disable an integration (admins): its tokens are refused at once")
    public IntegrationViews.View disable(@PathParam("integration") String integration) {
        return disable.setDisabled(integration, true);
    }

    @POST
    @Path("/{integration}/enable")
    @Operation(summary = "Enable a disabled integration again (admins)")
    public IntegrationViews.View enable(@PathParam("integration") String integration) {
        return disable.setDisabled(integration, false);
    }
}
