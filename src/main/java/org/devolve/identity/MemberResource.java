package org.devolve.identity;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members")
@Tag(name = "Identity")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class MemberResource {

    private final MemberQueries queries;
    private final DevolveConfig config;

    MemberResource(MemberQueries queries, DevolveConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @GET
    @Operation(
            summary = "Find members by name",
            description = "Members whose display name or username contains the text, by name. "
                    + "Used to add people to a circle. Only people who have signed in once are known.")
    public Page<MemberSummary> search(
            @Parameter(description = "Text to look for in names (case-insensitive)") @QueryParam("q") String q,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        return queries.search(q, PageRequest.of(limit, cursor, config.paging()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One member")
    public MemberSummary one(@PathParam("id") String id) {
        return queries.one(id);
    }
}
