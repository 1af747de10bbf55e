package org.devolve.identity;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Tag(name = "Identity")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class MeResource {

    private final CurrentMember current;
    private final MyCircles circles;

    MeResource(CurrentMember current, MyCircles circles) {
        this.current = current;
        this.circles = circles;
    }

    @GET
    @Operation(summary = "Who am I", description = "The signed-in member (created from the token on first use), "
            + "their roles and the circles they belong to.")
    public MeView me() {
        MemberSummary me = current.summary();
        Member row = Member.findById(me.id());
        return new MeView(me.id(), me.username(), me.displayName(), row == null ? null : row.email,
                List.copyOf(current.roles()), circles.of(me.id()));
    }
}
