package org.devolve.circle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.devolve.identity.MyCircles;
import org.devolve.platform.paging.Keyset;
import org.devolve.platform.paging.Like;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;

/** Reading circles: lists with filters, one circle with its neighbours, its members. */
@ApplicationScoped
class CircleQueries implements MyCircles {

    record Filter(UUID parent, boolean mine, String text) {}

    private final EntityManager em;
    private final CircleAccess access;
    private final CurrentMember current;

    CircleQueries(EntityManager em, CircleAccess access, CurrentMember current) {
        this.em = em;
        this.access = access;
        this.current = current;
    }

    @Transactional
    Page<CircleSummary> list(Filter filter, PageRequest page) {
        Keyset<Circle> query = Keyset.of(em, Circle.class, "c");
        if (filter.text() != null && !filter.text().isBlank()) {
            query.where(
                    "(lower(c.name) like :text escape '\\' or c.slug like :text escape '\\'"
                            + " or lower(c.description) like :text escape '\\')",
                    "text",
                    Like.containing(filter.text()));
        }
        if (filter.parent() != null) {
            query.where(
                    "exists (select 1 from CircleLink l where l.childId = c.id and l.parentId = :parent)",
                    "parent",
                    filter.parent());
        }
        if (filter.mine()) {
            query.where(
                    "exists (select 1 from Membership m where m.circleId = c.id and m.memberId = :me)",
                    "me",
                    current.id());
        }
        return query.orderBy(Keyset.Key.text("lower(c.name)"), Keyset.Order.ASC)
                .thenBy("c.id", c -> c.id, Keyset.Order.ASC)
                .fetch(page)
                .as(Circle::summary);
    }

    @Transactional
    CircleView view(String ref) {
        return view(access.find(ref));
    }

    CircleView view(Circle circle) {
        List<CircleSummary> parents = em
                .createQuery(
                        "select c from Circle c where c.id in "
                                + "(select l.parentId from CircleLink l where l.childId = :id) order by lower(c.name), c.id",
                        Circle.class)
                .setParameter("id", circle.id)
                .getResultList()
                .stream()
                .map(Circle::summary)
                .toList();
        List<CircleSummary> children = em
                .createQuery(
                        "select c from Circle c where c.id in "
                                + "(select l.childId from CircleLink l where l.parentId = :id) order by lower(c.name), c.id",
                        Circle.class)
                .setParameter("id", circle.id)
                .getResultList()
                .stream()
                .map(Circle::summary)
                .toList();
        long members = Membership.count("circleId", circle.id);
        long facilitators = Membership.count("circleId = ?1 and role = ?2", circle.id, Role.FACILITATOR);
        Role myRole = access.roleOf(circle.id, current.id()).orElse(null);
        boolean canManage = current.isAdmin() || myRole == Role.FACILITATOR;
        return new CircleView(
                circle.id,
                circle.slug,
                circle.name,
                circle.description,
                circle.kind,
                parents,
                children,
                members,
                facilitators,
                myRole,
                canManage,
                circle.policy(),
                circle.createdAt);
    }

    @Transactional
    Page<MembershipView> members(String ref, Role role, PageRequest page) {
        Circle circle = access.find(ref);
        Keyset<Membership> query =
                Keyset.of(em, Membership.class, "ms").where("ms.circleId = :circle", "circle", circle.id);
        if (role != null) {
            query.where("ms.role = :role", "role", role);
        }
        Keyset.Fetched<Membership> rows = query.orderBy(Keyset.Key.text("lower(ms.memberName)"), Keyset.Order.ASC)
                .thenBy("ms.memberId", ms -> ms.memberId, Keyset.Order.ASC)
                .fetch(page);
        Map<UUID, MemberSummary> names =
                Member.summaries(rows.items().stream().map(ms -> ms.memberId).toList());
        return rows.as(ms -> new MembershipView(names.get(ms.memberId), ms.role, ms.joinedAt));
    }

    /**
     * The circle's history, newest first: joins, role changes, removals and leaves, each with who made it. Every
     * signed-in person may read it, as they may read the members.
     */
    @Transactional
    Page<CircleEventView> history(String ref, PageRequest page) {
        Circle circle = access.find(ref);
        Keyset.Fetched<CircleEvent> events = Keyset.of(em, CircleEvent.class, "e")
                .where("e.circleId = :circle", "circle", circle.id)
                .orderBy(Keyset.Key.number("e.seq"), Keyset.Order.DESC)
                .thenBy("e.id", e -> e.id, Keyset.Order.DESC)
                .fetch(page);
        Set<UUID> people = new HashSet<>();
        events.items().forEach(e -> {
            people.add(e.memberId);
            people.add(e.actorId);
        });
        Map<UUID, MemberSummary> names = Member.summaries(people);
        return events.as(e ->
                new CircleEventView(e.kind, names.get(e.memberId), e.role, e.previousRole, names.get(e.actorId), e.at));
    }

    MembershipView membership(Membership ms) {
        Member member = Member.findById(ms.memberId);
        return new MembershipView(member.summary(), ms.role, ms.joinedAt);
    }

    @Override
    @Transactional
    public List<MyCircle> of(UUID memberId) {
        return em
                .createQuery(
                        "select c, m.role from Membership m join Circle c on c.id = m.circleId "
                                + "where m.memberId = :member order by lower(c.name), c.id",
                        Object[].class)
                .setParameter("member", memberId)
                .getResultList()
                .stream()
                .map(row -> {
                    Circle c = (Circle) row[0];
                    return new MyCircle(c.id, c.slug, c.name, c.kind.name(), ((Role) row[1]).name());
                })
                .toList();
    }
}
