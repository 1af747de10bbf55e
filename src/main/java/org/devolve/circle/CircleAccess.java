package org.devolve.circle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.web.Ids;

/**
 * Who belongs to which circle, for this feature and the others: finding a circle by id or slug, a
 * member's role, and the rule "facilitators and admins manage a circle".
 */
@ApplicationScoped
public class CircleAccess {

    private final EntityManager em;

    CircleAccess(EntityManager em) {
        this.em = em;
    }

    /** The circle named by an id or a slug, or a 404 problem. */
    Circle find(String ref) {
        Optional<UUID> id = Ids.parse(ref);
        Circle circle = id.isPresent()
                ? Circle.findById(id.get())
                : Circle.find("slug", ref).firstResult();
        if (circle == null) {
            throw ProblemException.notFound("Circle " + ref);
        }
        return circle;
    }

    /** The same, locked for update: membership changes of one circle happen one at a time. */
    Circle findForUpdate(String ref) {
        Circle circle = find(ref);
        em.lock(circle, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(circle);
        return circle;
    }

    /** The circle named by an id or a slug, or a 404 problem. */
    public CircleSummary byRef(String ref) {
        return find(ref).summary();
    }

    public Optional<CircleSummary> summary(UUID circleId) {
        Circle circle = Circle.findById(circleId);
        return Optional.ofNullable(circle).map(Circle::summary);
    }

    /** The circle's stake policies. */
    public CirclePolicy policy(UUID circleId) {
        Circle circle = Circle.findById(circleId);
        if (circle == null) {
            throw ProblemException.notFound("Circle " + circleId);
        }
        return circle.policy();
    }

    public List<CircleSummary> summaries(Collection<UUID> circleIds) {
        if (circleIds.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery("select c from Circle c where c.id in :ids order by lower(c.name), c.id", Circle.class)
                .setParameter("ids", circleIds)
                .getResultList()
                .stream()
                .map(Circle::summary)
                .toList();
    }

    public Optional<Role> roleOf(UUID circleId, UUID memberId) {
        Membership.Key key = new Membership.Key();
        key.circleId = circleId;
        key.memberId = memberId;
        Membership membership = em.find(Membership.class, key);
        return Optional.ofNullable(membership).map(m -> m.role);
    }

    /** A member's role in one circle (null when not a member), and whether they belong to any of some others. */
    public record Standing(Role role, boolean inAnyOther) {}

    /** One query: the member's role in {@code circleId}, and whether they belong to any of {@code others}. */
    public Standing standing(UUID circleId, Collection<UUID> others, UUID memberId) {
        Object[] row = (Object[]) em.createNativeQuery("select (select m.role from membership m "
                        + "where m.circle_id = :circle and m.member_id = :me), exists (select 1 from membership m "
                        + "where m.member_id = :me and m.circle_id = any(:others))")
                .setParameter("circle", circleId)
                .setParameter("me", memberId)
                .setParameter("others", others.toArray(UUID[]::new))
                .getSingleResult();
        return new Standing(row[0] == null ? null : Role.valueOf((String) row[0]), Boolean.TRUE.equals(row[1]));
    }

    /** Every circle the member belongs to, with their role in it. */
    public Map<UUID, Role> rolesOf(UUID memberId) {
        Map<UUID, Role> roles = new HashMap<>();
        em.createQuery("select m.circleId, m.role from Membership m where m.memberId = :me", Object[].class)
                .setParameter("me", memberId)
                .getResultStream()
                .forEach(r -> roles.put((UUID) r[0], (Role) r[1]));
        return roles;
    }

    public boolean isMember(UUID circleId, UUID memberId) {
        return roleOf(circleId, memberId).isPresent();
    }

    public boolean isFacilitator(UUID circleId, UUID memberId) {
        return roleOf(circleId, memberId).filter(r -> r == Role.FACILITATOR).isPresent();
    }

    /** Facilitators of the circle and admins may manage it. */
    public boolean canManage(UUID circleId, CurrentMember who) {
        return who.isAdmin() || isFacilitator(circleId, who.id());
    }

    /** Of the given circles, those the member belongs to. */
    public Set<UUID> circlesOf(UUID memberId, Collection<UUID> among) {
        if (among.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery(
                        "select m.circleId from Membership m where m.memberId = :member " + "and m.circleId in :among",
                        UUID.class)
                .setParameter("member", memberId)
                .setParameter("among", among)
                .getResultList());
    }

    /**
     * A page of the members of any of these circles, ids only, each once, in id order after {@code after}
     * (null: from the start): notifications of a large circle are written a page at a time.
     */
    public List<UUID> memberIds(Collection<UUID> circleIds, UUID after, int limit) {
        if (circleIds.isEmpty()) {
            return List.of();
        }
        var query = em.createQuery(
                        "select distinct m.memberId from Membership m where m.circleId in :circles"
                                + (after == null ? "" : " and m.memberId > :after") + " order by m.memberId",
                        UUID.class)
                .setParameter("circles", circleIds)
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.getResultList();
    }

    /** The circle's facilitators, ids only. */
    public List<UUID> facilitatorIds(UUID circleId) {
        return em.createQuery(
                        "select m.memberId from Membership m where m.circleId = :circle and m.role = :role", UUID.class)
                .setParameter("circle", circleId)
                .setParameter("role", Role.FACILITATOR)
                .getResultList();
    }

    void requireManager(Circle circle, CurrentMember who) {
        if (!canManage(circle.id, who)) {
            throw ProblemException.forbidden("Only facilitators of " + circle.name + " and admins may do this");
        }
    }
}
