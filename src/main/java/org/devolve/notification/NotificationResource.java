package org.devolve.notification;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/notifications")
@Tag(name = "Notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class NotificationResource {

    private final NotificationQueries queries;
    private final MarkRead markRead;
    private final DevolveConfig config;

    NotificationResource(NotificationQueries queries, MarkRead markRead, DevolveConfig config) {
        this.queries = queries;
        this.markRead = markRead;
        this.config = config;
    }

    @GET
    @Operation(summary = "My notifications", description = "Newest first.")
    public Page<NotificationViews.NotificationView> list(
            @Parameter(description = "Only unread ones") @QueryParam("unread") boolean unread,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        return queries.mine(unread, PageRequest.of(limit, cursor, config.paging()));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of my notifications are unread", description = "For the header's bell.")
    public NotificationViews.UnreadCount unreadCount() {
        return new NotificationViews.UnreadCount(queries.unreadCount());
    }

    @POST
    @Path("/read")
    @Operation(summary = "Mark notifications read", description = "The given ones, or all of mine.")
    public NotificationViews.Marked read(@Valid NotificationViews.MarkRead request) {
        return new NotificationViews.Marked(markRead.mark(request == null ? null : request.ids()));
    }
}
