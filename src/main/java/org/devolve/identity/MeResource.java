package org.devolve.identity;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Tag(name = "Identity")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class MeResource {

    private final MemberQueries queries;

    MeResource(MemberQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(
            summary = "Who am I",
            description = "The signed-in member (created from the token on first use), "
                    + "their roles and the circles they belong to.")
    public MeView me() {
        return queries.me();
    }
}
