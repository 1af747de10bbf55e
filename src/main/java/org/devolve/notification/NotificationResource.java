package org.devolve.notification;

import io.quarkus.security.Authenticated;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.paging.Cursor;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/notifications")
@Tag(name = "Notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class NotificationResource {

    @Schema(name = "Notification")
    record NotificationView(UUID id, String kind, @Schema(nullable = true) UUID proposalId,
            @Schema(nullable = true) UUID circleId, String text, Instant createdAt,
            @Schema(nullable = true) Instant readAt) {
    }

    @Schema(name = "MarkRead")
    record MarkRead(@Size(max = 100) @Schema(description = "The notifications to mark read; all of mine when absent")
            List<UUID> ids) {
    }

    @Schema(name = "Marked")
    record Marked(int marked) {
    }

    private final EntityManager em;
    private final CurrentMember current;
    private final DevolveConfig config;
    private final Clock clock;

    NotificationResource(EntityManager em, CurrentMember current, DevolveConfig config, Clock clock) {
        this.em = em;
        this.current = current;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(summary = "My notifications", description = "Newest first.")
    public Page<NotificationView> list(
            @Parameter(description = "Only unread ones") @QueryParam("unread") boolean unread,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, config.paging());
        StringBuilder jpql = new StringBuilder("select n from Notification n where n.memberId = :me");
        Map<String, Object> params = new HashMap<>();
        params.put("me", current.id());
        if (unread) {
            jpql.append(" and n.readAt is null");
        }
        page.cursor().ifPresent(c -> {
            jpql.append(" and (n.createdAt < :at or (n.createdAt = :at and n.id < :after))");
            params.put("at", c.instantKey());
            params.put("after", c.id());
        });
        jpql.append(" order by n.createdAt desc, n.id desc");
        var query = em.createQuery(jpql.toString(), Notification.class).setMaxResults(page.fetchSize());
        params.forEach(query::setParameter);
        return Page.of(query.getResultList(), page.limit(), n -> new Cursor(n.createdAt.toString(), n.id),
                n -> new NotificationView(n.id, n.kind, n.proposalId, n.circleId, n.text, n.createdAt, n.readAt));
    }

    @POST
    @Path("/read")
    @Transactional
    @Operation(summary = "Mark notifications read", description = "The given ones, or all of mine.")
    public Marked read(@Valid MarkRead request) {
        UUID me = current.id();
        String jpql = "update Notification n set n.readAt = :now where n.memberId = :me and n.readAt is null";
        boolean some = request != null && request.ids() != null;
        var update = em.createQuery(some ? jpql + " and n.id in :ids" : jpql)
                .setParameter("now", clock.instant()).setParameter("me", me);
        if (some) {
            if (request.ids().isEmpty()) {
                return new Marked(0);
            }
            update.setParameter("ids", request.ids());
        }
        return new Marked(update.executeUpdate());
    }
}
