package org.devolve.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.devolve.circle.Admissions;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.MemberSummary;
import org.devolve.platform.problem.ProblemException;

/**
 * The signed-in reader of an invitation link joins its circle as a plain member. The link must carry the service's
 * signature and match its invitation; the invitation must be neither revoked, nor used by someone else, nor
 * expired (by the service's clock). The link is a bearer invitation: whoever signs in with it joins, whatever their
 * address (it can be shared by other means; docs/decisions.md, "Invitations"). The circle's row, then the
 * invitation's, are locked, so that two readers of one link cannot both join with it.
 */
@ApplicationScoped
class AcceptInvitation {

    private final InvitationLinks links;
    private final Admissions admissions;
    private final CurrentMember current;
    private final EntityManager em;
    private final Clock clock;

    AcceptInvitation(
            InvitationLinks links, Admissions admissions, CurrentMember current, EntityManager em, Clock clock) {
        this.links = links;
        this.admissions = admissions;
        this.current = current;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    InvitationViews.Accepted accept(String token) {
        InvitationLinks.Claims claims = verified(links, token);
        MemberSummary me = current.summary();
        CircleSummary circle = admissions.lock(claims.circleId());
        Invitation invitation = em.find(Invitation.class, claims.invitationId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (usable(invitation, claims, me, now)) {
            invitation.acceptedBy = me.id();
            invitation.acceptedAt = now;
        } else {
            return new InvitationViews.Accepted(circle, false);
        }
        boolean joined = admissions.admit(circle.id(), me, invitation.invitedBy);
        JoinRequest.<JoinRequest>find("circleId = ?1 and memberId = ?2 and outcome is null", circle.id(), me.id())
                .firstResultOptional()
                .ifPresent(r -> {
                    r.outcome = JoinRequest.ACCEPTED;
                    r.decidedBy = invitation.invitedBy;
                    r.decidedAt = now;
                });
        return new InvitationViews.Accepted(circle, joined);
    }

    /** The claims of a token signed by the service, or the INVITATION_INVALID problem. */
    static InvitationLinks.Claims verified(InvitationLinks links, String token) {
        return links.verify(token)
                .orElseThrow(() -> ProblemException.of(
                        InvitationProblem.INVITATION_INVALID,
                        "This invitation link is not one Devolve made, or it was altered; ask for a new one"));
    }

    /**
     * True when the invitation may be used now; false when {@code me} already used it (nothing to do); otherwise
     * the problem that says why not.
     */
    static boolean usable(Invitation invitation, InvitationLinks.Claims claims, MemberSummary me, Instant now) {
        if (invitation == null
                || !invitation.circleId.equals(claims.circleId())
                || !invitation.expiresAt.equals(claims.expiresAt())) {
            throw ProblemException.of(
                    InvitationProblem.INVITATION_INVALID,
                    "This invitation link matches no invitation; ask for a new one");
        }
        if (invitation.revokedAt != null) {
            throw ProblemException.of(
                    InvitationProblem.INVITATION_REVOKED,
                    "This invitation was revoked by a facilitator; ask them for a new one");
        }
        if (invitation.acceptedAt != null) {
            if (invitation.acceptedBy.equals(me.id())) {
                return false;
            }
            throw ProblemException.of(
                    InvitationProblem.INVITATION_USED,
                    "This invitation was already used by someone else; each link admits one person");
        }
        if (!now.isBefore(invitation.expiresAt)) {
            throw ProblemException.of(
                            InvitationProblem.INVITATION_EXPIRED,
                            "This invitation expired at " + invitation.expiresAt + "; ask a facilitator for a new one")
                    .with("expiresAt", invitation.expiresAt.toString());
        }
        return true;
    }
}
