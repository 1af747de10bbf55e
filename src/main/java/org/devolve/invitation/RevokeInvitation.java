package org.devolve.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.web.Ids;

/** A facilitator (or an admin) revokes a pending invitation: its link is refused from then on. Again: no change. */
@ApplicationScoped
class RevokeInvitation {

    private final CircleAccess circles;
    private final CurrentMember current;
    private final EntityManager em;
    private final Clock clock;

    RevokeInvitation(CircleAccess circles, CurrentMember current, EntityManager em, Clock clock) {
        this.circles = circles;
        this.current = current;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    void revoke(String circleRef, String invitationRef) {
        CircleSummary circle = circles.byRef(circleRef);
        InvitationQueries.requireManager(circles, current, circle);
        UUID id = Ids.parse(invitationRef).orElseThrow(() -> ProblemException.notFound("Invitation " + invitationRef));
        Invitation invitation = em.find(Invitation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (invitation == null || !invitation.circleId.equals(circle.id())) {
            throw ProblemException.notFound("Invitation " + invitationRef);
        }
        if (invitation.acceptedAt != null) {
            throw ProblemException.of(
                    InvitationProblem.INVITATION_USED, "This invitation was already used: remove the member instead");
        }
        if (invitation.revokedAt == null) {
            invitation.revokedAt = clock.instant();
            invitation.revokedBy = current.id();
        }
    }
}
