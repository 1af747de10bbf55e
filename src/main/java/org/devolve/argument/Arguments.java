package org.devolve.argument;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.problem.PlatformProblem;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.Phase;
import org.devolve.proposal.PhaseGuards;
import org.devolve.proposal.Proposal;

/** Finding one argument of a proposal, and the rules of changing it: its author, while the proposal is open. */
final class Arguments {

    private Arguments() {}

    /** The argument of this proposal with this id (locked if asked), or 404. */
    static Argument find(EntityManager em, UUID proposalId, String ref, boolean lock) {
        UUID id;
        try {
            id = UUID.fromString(ref);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("argument");
        }
        Argument a = lock ? em.find(Argument.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(Argument.class, id);
        if (a == null || !a.proposalId.equals(proposalId)) {
            throw ProblemException.notFound("argument");
        }
        return a;
    }

    /** Refuses anyone but the argument's author, a proposal that is no longer open, and a removed argument. */
    static void requireChangeable(Proposal p, Argument a, CurrentMember current, String action) {
        if (!a.authorId.equals(current.id())) {
            throw ProblemException.forbidden("Only its author may " + action + " an argument");
        }
        PhaseGuards.requirePhase(p, action + " an argument", Phase.DELIBERATION, Phase.VOTING);
        if (a.removedAt != null) {
            throw ProblemException.of(PlatformProblem.CONFLICT, "Its author removed this argument at " + a.removedAt);
        }
    }
}
