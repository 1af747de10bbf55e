package org.devolve.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.devolve.identity.CurrentMember;

/** A member marks some of their notifications read, or all of them; another's are never touched. */
@ApplicationScoped
class MarkRead {

    private final EntityManager em;
    private final CurrentMember current;
    private final Clock clock;

    MarkRead(EntityManager em, CurrentMember current, Clock clock) {
        this.em = em;
        this.current = current;
        this.clock = clock;
    }

    /** {@code ids}: the ones to mark, or null for all; returns how many were unread and now are read. */
    @Transactional
    int mark(List<UUID> ids) {
        if (ids != null && ids.isEmpty()) {
            return 0;
        }
        String jpql = "update Notification n set n.readAt = :now where n.memberId = :me and n.readAt is null";
        var update = em.createQuery(ids != null ? jpql + " and n.id in :ids" : jpql)
                .setParameter("now", clock.instant())
                .setParameter("me", current.id());
        if (ids != null) {
            update.setParameter("ids", ids);
        }
        return update.executeUpdate();
    }
}
