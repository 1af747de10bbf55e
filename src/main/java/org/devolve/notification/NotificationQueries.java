package org.devolve.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.paging.Keyset;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;

/** My notifications, newest first. */
@ApplicationScoped
class NotificationQueries {

    private final EntityManager em;
    private final CurrentMember current;

    NotificationQueries(EntityManager em, CurrentMember current) {
        this.em = em;
        this.current = current;
    }

    @Transactional
    Page<NotificationViews.NotificationView> mine(boolean unreadOnly, PageRequest page) {
        Keyset<Notification> query =
                Keyset.of(em, Notification.class, "n").where("n.memberId = :me", "me", current.id());
        if (unreadOnly) {
            query.where("n.readAt is null");
        }
        return query.orderBy(Keyset.Key.instant("n.createdAt"), Keyset.Order.DESC)
                .thenBy("n.id", n -> n.id, Keyset.Order.DESC)
                .fetch(page)
                .as(n -> new NotificationViews.NotificationView(
                        n.id,
                        NoticeKind.valueOf(n.kind),
                        n.proposalId,
                        n.circleId,
                        n.text,
                        n.params == null ? Map.of() : n.params,
                        n.createdAt,
                        n.readAt));
    }

    @Transactional
    long unreadCount() {
        return em.createQuery(
                        "select count(n) from Notification n where n.memberId = :me and n.readAt is null", Long.class)
                .setParameter("me", current.id())
                .getSingleResult();
    }
}
