package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.Role;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.problem.ProblemException;

/**
 * Who may do what with a proposal: a person's part in it ({@link Participation}), worked out from their standing
 * in the deciding and affected circles, and the refusals that follow from it. Finding proposals is
 * {@link Proposals}; what a phase allows is {@link PhaseGuards}.
 */
@ApplicationScoped
public class ProposalPolicy {

    private final CurrentMember current;
    private final CircleAccess circles;

    ProposalPolicy(CurrentMember current, CircleAccess circles) {
        this.current = current;
        this.circles = circles;
    }

    /** The signed-in person's part. */
    public Participation participation(Proposal p) {
        return participation(p, current.id(), current.isAdmin());
    }

    /** The part of a given person, outside their request (a live stream re-checks its reader's rights). */
    public Participation participation(Proposal p, UUID me, boolean admin) {
        List<UUID> affected = AffectedGroup.circlesOf(p.id);
        CircleAccess.Standing standing = circles.standing(p.circleId, affected, me);
        boolean author = me.equals(p.authorId);
        boolean deciding = standing.role() != null;
        boolean facilitator = standing.role() == Role.FACILITATOR;
        boolean insider = deciding || standing.inAnyOther();
        boolean draft = p.phase == Phase.DRAFT;
        boolean canRead = draft ? author || facilitator : insider || author || admin || p.outsidersAllowed;
        boolean canTakePart = !draft && (insider || p.outsidersAllowed);
        return new Participation(
                canRead,
                canTakePart,
                canTakePart && !insider,
                author,
                facilitator,
                admin,
                deciding,
                standing.inAnyOther());
    }

    /** Refuses someone who does not steer the proposal at all, saying so to an author who left the circle. */
    public static void requireSteerer(Participation who, String action) {
        if (who.canSteer()) {
            return;
        }
        if (who.author()) {
            throw ProblemException.of(
                    ProposalProblem.NO_LONGER_A_MEMBER,
                    "You are no longer a member of the deciding " + "circle, so you can no longer " + action
                            + "; its facilitators can");
        }
        throw ProblemException.forbidden("Only the author and the circle's facilitators may " + action);
    }

    /**
     * Refuses, with the reason, a person who may not steer the proposal so in its current phase: someone who does
     * not steer it at all, an author who left the deciding circle, or an author asking for a facilitator's move.
     */
    public static void requireSteering(Proposal p, Participation who, Participation.Steering steering, String action) {
        requireSteerer(who, action);
        if (!who.may(steering, p.phase)) {
            throw ProblemException.of(
                    ProposalProblem.FACILITATORS_ONLY,
                    "Only a facilitator of the deciding circle " + "may " + action
                            + (p.phase == Phase.DRAFT ? "" : " once the proposal is out of its draft"));
        }
    }
}
