package org.devolve.circle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.devolve.platform.problem.ProblemException;

/**
 * The graph of circles: a circle may belong to several parents, and no circle may ever contain itself.
 *
 * <p>Every change takes a transaction-scoped advisory lock first, so the reachability check and the
 * insert that follows it are not interleaved with another link: two concurrent requests "A in B" and
 * "B in A" cannot both pass.
 */
@ApplicationScoped
class CircleGraph {

    private static final String ANCESTORS_INCLUDE = """
            with recursive up(id) as (
                select cast(:start as uuid)
                union
                select cp.parent_id from circle_parent cp join up on cp.child_id = up.id
            )
            select exists (select 1 from up where id = :target)
            """;

    private final EntityManager em;

    CircleGraph(EntityManager em) {
        this.em = em;
    }

    /** Makes {@code child} belong to {@code parent}; idempotent. Refuses a link that closes a cycle. */
    boolean link(UUID child, UUID parent, Instant now) {
        lock();
        CircleLink.Key key = new CircleLink.Key();
        key.childId = child;
        key.parentId = parent;
        if (em.find(CircleLink.class, key) != null) {
            return false;
        }
        if (child.equals(parent)) {
            throw ProblemException.of(CircleProblem.CIRCLE_CYCLE, "A circle cannot belong to itself");
        }
        if (reaches(parent, child)) {
            throw ProblemException.of(
                    CircleProblem.CIRCLE_CYCLE,
                    "%s already belongs, directly or through other ".formatted(nameOf(parent))
                            + "circles, to %s: it cannot also include it".formatted(nameOf(child)));
        }
        CircleLink link = new CircleLink();
        link.childId = child;
        link.parentId = parent;
        link.linkedAt = now;
        link.persist();
        return true;
    }

    boolean unlink(UUID child, UUID parent) {
        lock();
        return CircleLink.delete("childId = ?1 and parentId = ?2", child, parent) > 0;
    }

    private String nameOf(UUID circle) {
        return em.find(Circle.class, circle).name;
    }

    /** Whether walking up from {@code start} through parents reaches {@code target}. */
    private boolean reaches(UUID start, UUID target) {
        return (Boolean) em.createNativeQuery(ANCESTORS_INCLUDE)
                .setParameter("start", start)
                .setParameter("target", target)
                .getSingleResult();
    }

    private void lock() {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext('devolve.circle-graph'))")
                .getSingleResult();
    }
}
