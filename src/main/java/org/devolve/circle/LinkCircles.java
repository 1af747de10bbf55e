package org.devolve.circle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.problem.ProblemException;

/**
 * A circle joins or leaves a parent circle.
 *
 * <p>Joining is accepted by the parent: an admin or a facilitator of the parent links a child to it (a
 * federation admits a city). Leaving may be done by either side: an admin, a facilitator of the parent,
 * or a facilitator of the child.
 */
@ApplicationScoped
class LinkCircles {

    private final CircleAccess access;
    private final CircleGraph graph;
    private final CurrentMember current;
    private final Clock clock;

    LinkCircles(CircleAccess access, CircleGraph graph, CurrentMember current, Clock clock) {
        this.access = access;
        this.graph = graph;
        this.current = current;
        this.clock = clock;
    }

    /** @return whether the link is new */
    @Transactional
    boolean link(String childRef, String parentRef) {
        Circle child = access.find(childRef);
        Circle parent = access.find(parentRef);
        if (!access.canManage(parent.id, current)) {
            throw ProblemException.forbidden(
                    "Only facilitators of " + parent.name + " and admins may admit a circle into it");
        }
        return graph.link(child.id, parent.id, clock.instant());
    }

    @Transactional
    void unlink(String childRef, String parentRef) {
        Circle child = access.find(childRef);
        Circle parent = access.find(parentRef);
        if (!access.canManage(parent.id, current) && !access.canManage(child.id, current)) {
            throw ProblemException.forbidden("Only facilitators of either circle and admins may separate them");
        }
        if (!graph.unlink(child.id, parent.id)) {
            throw ProblemException.notFound(child.name + " in " + parent.name);
        }
    }
}
