package org.devolve.circle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.identity.MyCircles;
import org.devolve.platform.paging.Cursor;
import org.devolve.platform.paging.Like;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;

/** Reading circles: lists with filters, one circle with its neighbours, its members. */
@ApplicationScoped
class CircleQueries implements MyCircles {

    record Filter(UUID parent, boolean mine, String text) {
    }

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
        StringBuilder jpql = new StringBuilder("select c, lower(c.name) from Circle c where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.text() != null && !filter.text().isBlank()) {
            jpql.append(" and (lower(c.name) like :text escape '\\' or c.slug like :text escape '\\'"
                    + " or lower(c.description) like :text escape '\\')");
            params.put("text", Like.containing(filter.text()));
        }
        if (filter.parent() != null) {
            jpql.append(" and exists (select 1 from CircleLink l where l.childId = c.id and l.parentId = :parent)");
            params.put("parent", filter.parent());
        }
        if (filter.mine()) {
            jpql.append(" and exists (select 1 from Membership m where m.circleId = c.id and m.memberId = :me)");
            params.put("me", current.id());
        }
        page.cursor().ifPresent(c -> {
            jpql.append(" and (lower(c.name) > :key or (lower(c.name) = :key and c.id > :after))");
            params.put("key", c.key());
            params.put("after", c.id());
        });
        jpql.append(" order by lower(c.name), c.id");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setMaxResults(page.fetchSize());
        params.forEach(query::setParameter);
        return Page.of(query.getResultList(), page.limit(),
                row -> new Cursor((String) row[1], ((Circle) row[0]).id), row -> ((Circle) row[0]).summary());
    }

    @Transactional
    CircleView view(String ref) {
        return view(access.find(ref));
    }

    CircleView view(Circle circle) {
        List<CircleSummary> parents = em.createQuery("select c from Circle c where c.id in "
                + "(select l.parentId from CircleLink l where l.childId = :id) order by lower(c.name), c.id", Circle.class)
                .setParameter("id", circle.id).getResultList().stream().map(Circle::summary).toList();
        List<CircleSummary> children = em.createQuery("select c from Circle c where c.id in "
                + "(select l.childId from CircleLink l where l.parentId = :id) order by lower(c.name), c.id", Circle.class)
                .setParameter("id", circle.id).getResultList().stream().map(Circle::summary).toList();
        long members = Membership.count("circleId", circle.id);
        long facilitators = Membership.count("circleId = ?1 and role = ?2", circle.id, Role.FACILITATOR);
        Role myRole = access.roleOf(circle.id, current.id()).orElse(null);
        boolean canManage = current.isAdmin() || myRole == Role.FACILITATOR;
        return new CircleView(circle.id, circle.slug, circle.name, circle.description, circle.kind, parents,
                children, members, facilitators, myRole, canManage,
                circle.policy(), circle.createdAt);
    }

    @Transactional
    Page<MembershipView> members(String ref, Role role, PageRequest page) {
        Circle circle = access.find(ref);
        StringBuilder jpql = new StringBuilder("select ms, p, lower(p.displayName) from Membership ms "
                + "join Member p on p.id = ms.memberId where ms.circleId = :circle");
        Map<String, Object> params = new HashMap<>();
        params.put("circle", circle.id);
        if (role != null) {
            jpql.append(" and ms.role = :role");
            params.put("role", role);
        }
        page.cursor().ifPresent(c -> {
            jpql.append(" and (lower(p.displayName) > :key or (lower(p.displayName) = :key and p.id > :after))");
            params.put("key", c.key());
            params.put("after", c.id());
        });
        jpql.append(" order by lower(p.displayName), p.id");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setMaxResults(page.fetchSize());
        params.forEach(query::setParameter);
        return Page.of(query.getResultList(), page.limit(),
                row -> new Cursor((String) row[2], ((Member) row[1]).id),
                row -> {
                    Membership ms = (Membership) row[0];
                    return new MembershipView(((Member) row[1]).summary(), ms.role, ms.joinedAt);
                });
    }

    /**
     * The circle's history, newest first: joins, role changes, removals and leaves, each with who made it. Every
     * signed-in person may read it, as they may read the members.
     */
    @Transactional
    Page<CircleEventView> history(String ref, PageRequest page) {
        Circle circle = access.find(ref);
        StringBuilder jpql = new StringBuilder("select e from CircleEvent e where e.circleId = :circle");
        Map<String, Object> params = new HashMap<>();
        params.put("circle", circle.id);
        page.cursor().ifPresent(c -> {
            jpql.append(" and e.seq < :before");
            params.put("before", sequenceOf(c));
        });
        jpql.append(" order by e.seq desc");
        TypedQuery<CircleEvent> query = em.createQuery(jpql.toString(), CircleEvent.class)
                .setMaxResults(page.fetchSize());
        params.forEach(query::setParameter);
        List<CircleEvent> events = query.getResultList();
        java.util.Set<UUID> people = new java.util.HashSet<>();
        events.forEach(e -> {
            people.add(e.memberId);
            people.add(e.actorId);
        });
        Map<UUID, org.devolve.identity.MemberSummary> names = Member.summaries(people);
        return Page.of(events, page.limit(), e -> new Cursor(Long.toString(e.seq), e.id),
                e -> new CircleEventView(e.kind, names.get(e.memberId), e.role, e.previousRole, names.get(e.actorId),
                        e.at));
    }

    private static long sequenceOf(Cursor cursor) {
        try {
            return Long.parseLong(cursor.key());
        } catch (NumberFormatException e) {
            throw org.devolve.platform.problem.ProblemException.of(
                    org.devolve.platform.problem.PlatformProblem.INVALID_CURSOR, "The cursor is not one this list gave out");
        }
    }

    MembershipView membership(Membership ms) {
        Member member = Member.findById(ms.memberId);
        return new MembershipView(member.summary(), ms.role, ms.joinedAt);
    }

    @Override
    @Transactional
    public List<MyCircle> of(UUID memberId) {
        return em.createQuery("select c, m.role from Membership m join Circle c on c.id = m.circleId "
                + "where m.memberId = :member order by lower(c.name), c.id", Object[].class)
                .setParameter("member", memberId).getResultList().stream()
                .map(row -> {
                    Circle c = (Circle) row[0];
                    return new MyCircle(c.id, c.slug, c.name, c.kind.name(), ((Role) row[1]).name());
                }).toList();
    }
}
