package org.devolve.home;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/actions")
@Tag(name = "Identity")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class ActionResource {

    private final ActionQueries queries;

    ActionResource(ActionQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(
            summary = "What needs my action",
            description = "Stakes to declare in proposals of my circles in deliberation, votes to cast (where I take"
                    + " part, have not voted and have no delegation in force), challenges to my declarations to"
                    + " answer, challenges to rule on in circles I facilitate. Soonest deadline first, at most 50.")
    public ActionViews.Actions mine() {
        return queries.mine();
    }
}
