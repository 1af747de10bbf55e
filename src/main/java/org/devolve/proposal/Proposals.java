package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.web.Ids;

/**
 * Finding proposals, for this feature and the others: by reference as the signed-in person may read or take part
 * in them (a proposal they may not read is answered as not found, so that drafts and closed circles do not reveal
 * that they exist), locked for a change, and the little other features need to know of them. Who may do what is
 * {@link ProposalPolicy}; what a phase allows, {@link PhaseGuards}.
 */
@ApplicationScoped
public class Proposals {

    private final EntityManager em;
    private final ProposalPolicy policy;

    Proposals(EntityManager em, ProposalPolicy policy) {
        this.em = em;
        this.policy = policy;
    }

    /** The proposal, if the signed-in person may read it; otherwise a 404 problem. */
    public Proposal readable(String ref) {
        return readableWith(ref).proposal();
    }

    /** A proposal the signed-in person may read, with their part in it (worked out once). */
    record Readable(Proposal proposal, Participation who) {}

    /** The proposal and the person's part in it, if they may read it; otherwise a 404 problem. */
    Readable readableWith(String ref) {
        Proposal proposal = find(ref);
        Participation who = policy.participation(proposal);
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
     * time. Use cases that can check most of a request first take it as late as they can. Every writer of a
     * proposal's ledger holds this lock before it appends: the lock order is proposal, then ledger head.
     */
    public void lock(Proposal proposal) {
        em.lock(proposal, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(proposal);
    }

    /** What a ballot needs of the proposal, read under its row lock (taken here): the phase and the voting deadline. */
    public record Locked(Phase phase, Instant votingEndsAt) {}

    /**
     * Takes the proposal's row lock and reads its phase and voting deadline, in one statement: the hot path of a
     * ballot, which must not refresh the whole entity.
     */
    public Locked lockForBallot(UUID proposalId) {
        Object[] row =
                (Object[]) em.createNativeQuery("select phase, voting_ends_at from proposal where id = :id for update")
                        .setParameter("id", proposalId)
                        .getSingleResult();
        return new Locked(Phase.valueOf((String) row[0]), row[1] == null ? null : instant(row[1]));
    }

    /** The proposal, if the person may take part in it (declare, argue, challenge, vote); else 403/404. */
    public Proposal forParticipation(String ref, boolean lock) {
        Readable readable = readableWith(ref);
        Proposal proposal = readable.proposal();
        Participation who = readable.who();
        if (lock) {
            lock(proposal);
            who = policy.participation(proposal); // as it stands now that the proposal is locked and re-read
        }
        if (!who.canTakePart()) {
            throw ProblemException.of(
                    ProposalProblem.NOT_A_PARTICIPANT,
                    "Only members of the deciding circle and "
                            + "of the affected circles may take part in this proposal"
                            + (proposal.phase == Phase.DRAFT ? "; it is still a draft" : ""));
        }
        return proposal;
    }

    /** The proposal by id, whoever asks (the scheduler, a live stream); null when there is none. */
    public Proposal byId(UUID id) {
        return em.find(Proposal.class, id);
    }

    public List<UUID> affectedCircles(UUID proposalId) {
        return AffectedGroup.circlesOf(proposalId);
    }

    public List<AffectedGroup> groups(UUID proposalId) {
        return em.createQuery(
                        "select g from AffectedGroup g where g.proposalId = :p order by g.position",
                        AffectedGroup.class)
                .setParameter("p", proposalId)
                .getResultList();
    }

    public List<ProposalOption> options(UUID proposalId) {
        return em.createQuery(
                        "select o from ProposalOption o where o.proposalId = :p order by o.position",
                        ProposalOption.class)
                .setParameter("p", proposalId)
                .getResultList();
    }

    /** A declaration moved into {@code to} (from {@code from}, or new when null): the groups' declaration counts. */
    public void declarationMoved(AffectedGroup from, AffectedGroup to) {
        to.declarations++;
        if (from != null) {
            from.declarations--;
        }
    }

    /** What other features show of a proposal they refer to. */
    public record Brief(UUID id, String title, Phase phase, boolean secret) {}

    /** Briefs of the proposals, by id (those that exist). */
    public Map<UUID, Brief> briefs(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery(
                        "select p.id, p.title, p.phase, p.secret from Proposal p where p.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(r -> new Brief((UUID) r[0], (String) r[1], (Phase) r[2], (Boolean) r[3]))
                .collect(Collectors.toMap(Brief::id, b -> b));
    }

    /** A proposal in a phase with a deadline, and when that phase ends. */
    public record Ending(UUID id, UUID circleId, String title, Instant endsAt) {}

    /** The proposals in voting whose voting ends in (from, to]. */
    public List<Ending> votingEndingBetween(Instant from, Instant to) {
        return endingBetween(Phase.VOTING, "votingEndsAt", from, to);
    }

    /** The proposals in deliberation whose deliberation (and so the declaring of stakes) ends in (from, to]. */
    public List<Ending> deliberationEndingBetween(Instant from, Instant to) {
        return endingBetween(Phase.DELIBERATION, "deliberationEndsAt", from, to);
    }

    private List<Ending> endingBetween(Phase phase, String deadline, Instant from, Instant to) {
        return em.createQuery(
                        "select p.id, p.circleId, p.title, p." + deadline + " from Proposal p where p.phase = :phase"
                                + " and p." + deadline + " > :from and p." + deadline + " <= :to",
                        Object[].class)
                .setParameter("phase", phase)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultStream()
                .map(r -> new Ending((UUID) r[0], (UUID) r[1], (String) r[2], (Instant) r[3]))
                .toList();
    }

    /** A proposal in a phase with a deadline, as a list of what someone has to do shows it. */
    public record Due(
            UUID id, UUID circleId, String title, Phase phase, Instant deliberationEndsAt, Instant votingEndsAt) {}

    /**
     * The proposals in {@code phase} decided by one of {@code circles} or affecting one of them through a group,
     * soonest deadline first, at most {@code limit}.
     */
    public List<Due> inPhaseConcerning(Collection<UUID> circles, Phase phase, int limit) {
        if (circles.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select p.id, p.circleId, p.title, p.phase, p.deliberationEndsAt, p.votingEndsAt from Proposal p"
                                + " where p.phase = :phase and (p.circleId in :circles or exists (select 1 from"
                                + " AffectedGroup g where g.proposalId = p.id and g.circleId in :circles))"
                                + " order by p.deliberationEndsAt, p.votingEndsAt, p.id",
                        Object[].class)
                .setParameter("phase", phase)
                .setParameter("circles", circles)
                .setMaxResults(limit)
                .getResultStream()
                .map(Proposals::due)
                .toList();
    }

    /** The proposals among {@code ids} and their deadlines, by id (those that exist). */
    public Map<UUID, Due> due(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery(
                        "select p.id, p.circleId, p.title, p.phase, p.deliberationEndsAt, p.votingEndsAt from Proposal p"
                                + " where p.id in :ids",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(Proposals::due)
                .collect(Collectors.toMap(Due::id, d -> d));
    }

    private static Due due(Object[] r) {
        return new Due(
                (UUID) r[0],
                (UUID) r[1],
                (String) r[2],
                (Phase) r[3],
                r[4] == null ? null : instant(r[4]),
                r[5] == null ? null : instant(r[5]));
    }

    /** The secret proposals in voting (whose published turnout moves in steps). */
    public List<UUID> secretInVoting() {
        return em.createQuery("select p.id from Proposal p where p.secret = true and p.phase = :voting", UUID.class)
                .setParameter("voting", Phase.VOTING)
                .getResultList();
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

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
