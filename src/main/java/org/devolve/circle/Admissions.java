package org.devolve.circle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.devolve.identity.MemberSummary;
import org.devolve.platform.problem.ProblemException;

/**
 * The circle feature's port for the features that bring people in (invitations, join requests, integrations):
 * they decide that someone may join; this adds the membership under the circle's row lock, as a plain member, with
 * a line in the circle's history naming who let them in.
 */
@ApplicationScoped
public class Admissions {

    private final EntityManager em;
    private final Clock clock;

    Admissions(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Locks the circle's row for a membership change in the caller's transaction, or a 404 problem. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CircleSummary lock(UUID circleId) {
        Circle circle = em.find(Circle.class, circleId, LockModeType.PESSIMISTIC_WRITE);
        if (circle == null) {
            throw ProblemException.notFound("Circle " + circleId);
        }
        return circle.summary();
    }

    /**
     * Makes {@code member} a plain member of the circle (locked first with {@link #lock}); true when they were
     * not one yet, false (and nothing changes) when they already belong to it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean admit(UUID circleId, MemberSummary member, UUID admittedBy) {
        Membership.Key key = new Membership.Key();
        key.circleId = circleId;
        key.memberId = member.id();
        if (em.find(Membership.class, key) != null) {
            return false;
        }
        Instant now = clock.instant();
        Membership membership = new Membership();
        membership.circleId = circleId;
        membership.memberId = member.id();
        membership.memberName = member.displayName();
        membership.role = Role.MEMBER;
        membership.joinedAt = now;
        membership.persist();
        CircleEvent.record(circleId, CircleEventKind.JOINED, member.id(), Role.MEMBER, null, admittedBy, now);
        return true;
    }
}
