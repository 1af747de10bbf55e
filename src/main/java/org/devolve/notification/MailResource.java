package org.devolve.notification;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/mail-preferences")
@Tag(name = "Notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class MailResource {

    private final MailQueries queries;
    private final ChangeMailPreferences change;

    MailResource(MailQueries queries, ChangeMailPreferences change) {
        this.queries = queries;
        this.change = change;
    }

    @GET
    @Operation(summary = "My mail settings", description = "Per kind of mail IMMEDIATE, DIGEST or OFF; the language.")
    public MailViews.MailPreferences mine() {
        return queries.mine();
    }

    @PUT
    @Operation(
            summary = "Change my mail settings",
            description = "The language, and the kinds named (the others keep theirs); every bad field named at once.")
    public MailViews.MailPreferences change(MailViews.MailPreferencesUpdate update) {
        return change.change(update);
    }
}
