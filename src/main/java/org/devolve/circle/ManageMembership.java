package org.devolve.circle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.identity.MemberRenamed;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.web.Ids;

/**
 * Facilitators (and admins) add members, appoint facilitators and remove plain members; any member may leave.
 *
 * <p>Only an admin demotes or removes a facilitator (DESIGN, "Architecture"): otherwise a facilitator could
 * demote the one who appointed them and take the circle over. A facilitator may still step down or leave
 * themself. A circle that has facilitators keeps at least one: the last facilitator can neither step down nor
 * leave nor be removed until another is appointed. The circle row is locked while membership changes, so two
 * facilitators stepping down at once cannot leave it without one. Every change is a line of the circle's
 * history ({@link CircleEvent}), with who made it.
 */
@ApplicationScoped
class ManageMembership {

    record Outcome(Membership membership, boolean created) {}

    private final CircleAccess access;
    private final CurrentMember current;
    private final Clock clock;

    ManageMembership(CircleAccess access, CurrentMember current, Clock clock) {
        this.access = access;
        this.current = current;
        this.clock = clock;
    }

    @Transactional
    Outcome set(String circleRef, String memberRef, Role role) {
        Circle circle = access.findForUpdate(circleRef);
        access.requireManager(circle, current);
        Member member = member(memberRef);
        Membership existing = find(circle.id, member.id);
        Instant now = clock.instant();
        if (existing == null) {
            Membership membership = new Membership();
            membership.circleId = circle.id;
            membership.memberId = member.id;
            membership.memberName = member.displayName;
            membership.role = role;
            membership.joinedAt = now;
            membership.persist();
            CircleEvent.record(circle.id, CircleEventKind.JOINED, member.id, role, null, current.id(), now);
            return new Outcome(membership, true);
        }
        if (existing.role == role) {
            return new Outcome(existing, false);
        }
        if (existing.role == Role.FACILITATOR) {
            requireAdminOrSelf(circle, member, "make " + member.displayName + " a plain member");
            requireAnotherFacilitator(circle, member);
        }
        CircleEvent.record(circle.id, CircleEventKind.ROLE_CHANGED, member.id, role, existing.role, current.id(), now);
        existing.role = role;
        return new Outcome(existing, false);
    }

    /** Keeps the copy of a member's name that the members list sorts by. */
    void onRenamed(@jakarta.enterprise.event.Observes MemberRenamed renamed) {
        Membership.update("memberName = ?1 where memberId = ?2", renamed.displayName(), renamed.memberId());
    }

    @Transactional
    void remove(String circleRef, String memberRef) {
        Circle circle = access.findForUpdate(circleRef);
        Member member = member(memberRef);
        boolean self = member.id.equals(current.id());
        if (!self) {
            access.requireManager(circle, current);
        }
        Membership existing = find(circle.id, member.id);
        if (existing == null) {
            throw ProblemException.notFound(member.displayName + " in " + circle.name);
        }
        if (existing.role == Role.FACILITATOR) {
            requireAdminOrSelf(circle, member, "remove " + member.displayName);
            requireAnotherFacilitator(circle, member);
        }
        CircleEvent.record(
                circle.id,
                self ? CircleEventKind.LEFT : CircleEventKind.REMOVED,
                member.id,
                null,
                existing.role,
                current.id(),
                clock.instant());
        existing.delete();
    }

    /** A facilitator steps down or leaves by themself; only an admin demotes or removes another one. */
    private void requireAdminOrSelf(Circle circle, Member member, String what) {
        if (!current.isAdmin() && !member.id.equals(current.id())) {
            throw ProblemException.of(
                    CircleProblem.ADMIN_ONLY,
                    member.displayName + " is a facilitator of " + circle.name + ": only an admin may " + what
                            + " (a facilitator may step down or leave themself)");
        }
    }

    private void requireAnotherFacilitator(Circle circle, Member member) {
        long facilitators = Membership.count("circleId = ?1 and role = ?2", circle.id, Role.FACILITATOR);
        if (facilitators <= 1) {
            throw ProblemException.of(
                    CircleProblem.LAST_FACILITATOR,
                    member.displayName + " is the last facilitator of " + circle.name
                            + "; appoint another facilitator first");
        }
    }

    private static Membership find(UUID circleId, UUID memberId) {
        return Membership.find("circleId = ?1 and memberId = ?2", circleId, memberId)
                .firstResult();
    }

    /** A member id, or {@code me}. */
    private Member member(String ref) {
        UUID id = "me".equals(ref)
                ? current.id()
                : Ids.parse(ref).orElseThrow(() -> ProblemException.notFound("Member " + ref));
        Member member = Member.findById(id);
        if (member == null) {
            throw ProblemException.notFound("Member " + ref);
        }
        return member;
    }
}
