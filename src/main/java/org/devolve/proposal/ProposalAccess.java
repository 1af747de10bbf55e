package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.web.Ids;

/**
 * Finding proposals and knowing what the signed-in person may do with them; used by every feature of the
 * decision workflow. A proposal the person may not read is answered as not found, so that drafts and
 * closed circles do not reveal that they exist.
 */
@ApplicationScoped
public class ProposalAccess {

    private final EntityManager em;
    private final CurrentMember current;

    ProposalAccess(EntityManager em, CurrentMember current) {
        this.em = em;
        this.current = current;
    }

    /** The proposal, if the signed-in person may read it; otherwise a 404 problem. */
    public Proposal readable(String ref) {
        return readableWith(ref).proposal();
    }

    /** A proposal the signed-in person may read, with their part in it (worked out once). */
    record Readable(Proposal proposal, Participation who) {
    }

    /** The proposal and the person's part in it, if they may read it; otherwise a 404 problem. */
    Readable readableWith(String ref) {
        Proposal proposal = find(ref);
        Participation who = participation(proposal);
        if (!who.canRead()) {
            throw notFound(ref);
        }
        return new Readable(proposal, who);
    }

    /** The same, locked for update: the transaction boundary of every change to a proposal. */
    public Proposal readableForUpdate(String ref) {
        Proposal proposal = readable(ref);
        lock(proposal);
        return proposal;
    }

    /**
     * Takes the proposal's row lock and re-reads it: changes to one proposal (and its ledger) happen one at a
     * time. Use cases that can check most of a request first take it as late as they can.
     */
    public void lock(Proposal proposal) {
        em.lock(proposal, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(proposal);
    }

    /** The proposal, if the person may take part in it (declare, argue, challenge, vote); else 403/404. */
    public Proposal forParticipation(String ref, boolean lock) {
        Readable readable = readableWith(ref);
        Proposal proposal = readable.proposal();
        Participation who = readable.who();
        if (lock) {
            lock(proposal);
            who = participation(proposal); // as it stands now that the proposal is locked and re-read
        }
        if (!who.canTakePart()) {
            throw ProblemException.of(ProposalProblem.NOT_A_PARTICIPANT, "Only members of the deciding circle and "
                    + "of the affected circles may take part in this proposal"
                    + (proposal.phase == Phase.DRAFT ? "; it is still a draft" : ""));
        }
        return proposal;
    }

    /** One query: the caller's role in the deciding circle, and whether they belong to an affected circle. */
    private static final String STANDING = """
            select (select m.role from membership m where m.circle_id = :circle and m.member_id = :me),
                   exists (select 1 from affected_group g join membership m on m.circle_id = g.circle_id
                            where g.proposal_id = :proposal and m.member_id = :me)
            """;

    public Participation participation(Proposal p) {
        return participation(p, current.id(), current.isAdmin());
    }

    /** The part of a given person, outside their request (a live stream re-checks its reader's rights). */
    public Participation participation(Proposal p, UUID me, boolean admin) {
        boolean author = me.equals(p.authorId);
        Object[] standing = (Object[]) em.createNativeQuery(STANDING).setParameter("circle", p.circleId)
                .setParameter("me", me).setParameter("proposal", p.id).getSingleResult();
        boolean deciding = standing[0] != null;
        boolean facilitator = "FACILITATOR".equals(standing[0]);
        boolean affected = Boolean.TRUE.equals(standing[1]);
        boolean insider = deciding || affected;
        boolean draft = p.phase == Phase.DRAFT;
        boolean canRead = draft ? author || facilitator : insider || author || admin || p.outsidersAllowed;
        boolean canTakePart = !draft && (insider || p.outsidersAllowed);
        return new Participation(canRead, canTakePart, canTakePart && !insider, author, facilitator, admin,
                deciding, affected);
    }

    public List<UUID> affectedCircles(UUID proposalId) {
        return em.createQuery("select g.circleId from AffectedGroup g where g.proposalId = :p and g.circleId is not null",
                UUID.class).setParameter("p", proposalId).getResultList();
    }

    public List<AffectedGroup> groups(UUID proposalId) {
        return em.createQuery("select g from AffectedGroup g where g.proposalId = :p order by g.position",
                AffectedGroup.class).setParameter("p", proposalId).getResultList();
    }

    public List<ProposalOption> options(UUID proposalId) {
        return em.createQuery("select o from ProposalOption o where o.proposalId = :p order by o.position",
                ProposalOption.class).setParameter("p", proposalId).getResultList();
    }

    /** Refuses someone who does not steer the proposal at all, saying so to an author who left the circle. */
    public static void requireSteerer(Participation who, String action) {
        if (who.canSteer()) {
            return;
        }
        if (who.author()) {
            throw ProblemException.of(ProposalProblem.NO_LONGER_A_MEMBER, "You are no longer a member of the deciding "
                    + "circle, so you can no longer " + action + "; its facilitators can");
        }
        throw ProblemException.forbidden("Only the author and the circle's facilitators may " + action);
    }

    /**
     * Refuses, with the reason, a person who may not steer the proposal so in its current phase: someone who does
     * not steer it at all, an author who left the deciding circle, or an author asking for a facilitator's move.
     */
    public static void requireSteering(Proposal p, Participation who, Participation.Steering steering,
            String action) {
        requireSteerer(who, action);
        if (!who.may(steering, p.phase)) {
            throw ProblemException.of(ProposalProblem.FACILITATORS_ONLY, "Only a facilitator of the deciding circle "
                    + "may " + action + (p.phase == Phase.DRAFT ? "" : " once the proposal is out of its draft"));
        }
    }

    /**
     * Throws unless the proposal is in deliberation and its deliberation deadline, if any, is still ahead: at
     * the deadline's instant declarations, challenges and new groups stop, whether or not the scheduler has
     * opened voting yet.
     */
    public static void requireDeliberating(Proposal p, java.time.Instant now, String action) {
        requirePhase(p, action, Phase.DELIBERATION);
        if (p.deliberationEndsAt != null && !now.isBefore(p.deliberationEndsAt)) {
            throw ProblemException.of(ProposalProblem.DELIBERATION_ENDED, "Deliberation ended at "
                    + p.deliberationEndsAt + "; you can no longer " + action)
                    .with("deliberationEndsAt", p.deliberationEndsAt.toString());
        }
    }

    /**
     * Throws once the voting deadline has passed: at its instant, delegations and deadline changes stop, like
     * ballots, whether or not the scheduler has closed the proposal yet.
     */
    public static void requireVotingNotEnded(Proposal p, java.time.Instant now, String action) {
        if (p.votingEndsAt != null && !now.isBefore(p.votingEndsAt)) {
            throw ProblemException.of(ProposalProblem.VOTING_CLOSED, "Voting ended at " + p.votingEndsAt
                    + "; you can no longer " + action)
                    .with("votingEndsAt", p.votingEndsAt.toString());
        }
    }

    /** Throws WRONG_PHASE unless the proposal is in one of the phases. */
    public static void requirePhase(Proposal p, String action, Phase... phases) {
        for (Phase phase : phases) {
            if (p.phase == phase) {
                return;
            }
        }
        throw ProblemException.of(ProposalProblem.WRONG_PHASE, "You cannot " + action + " while the proposal is "
                + p.phase.name().toLowerCase(java.util.Locale.ROOT))
                .with("phase", p.phase.name());
    }

    private Proposal find(String ref) {
        UUID id = Ids.parse(ref).orElseThrow(() -> notFound(ref));
        Proposal proposal = Proposal.findById(id);
        if (proposal == null) {
            throw notFound(ref);
        }
        return proposal;
    }

    private static ProblemException notFound(String ref) {
        return ProblemException.notFound("Proposal " + ref);
    }
}
