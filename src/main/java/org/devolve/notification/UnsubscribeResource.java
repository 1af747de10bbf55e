package org.devolve.notification;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The link of every mail's List-Unsubscribe header (RFC 8058): no sign-in, the token is the proof. */
@Path("/api/v1/mail/unsubscribe")
@Tag(name = "Notifications")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
class UnsubscribeResource {

    private final Unsubscribe unsubscribe;

    UnsubscribeResource(Unsubscribe unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Unsubscribe from one kind of mail",
            description = "One-click (RFC 8058): turns the kind off for the member of the link; no sign-in.")
    public MailViews.Unsubscribed post(
            @QueryParam("member") String member, @QueryParam("kind") String kind, @QueryParam("token") String token) {
        return unsubscribe.unsubscribe(member, kind, token, true);
    }

    @GET
    @Operation(
            summary = "Check an unsubscribe link",
            description = "Changes nothing (link scanners GET it): POST to the same address unsubscribes.")
    public MailViews.Unsubscribed get(
            @QueryParam("member") String member, @QueryParam("kind") String kind, @QueryParam("token") String token) {
        return unsubscribe.unsubscribe(member, kind, token, false);
    }
}
