package org.devolve.ballot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.ledger.Pseudonyms;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.Violation;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.ProposalAccess;

/**
 * A participant with a stake above 0 casts or changes their ballot while voting is open: until the instant
 * voting ends, exclusive (a ballot one millisecond late is refused, whether or not the scheduler has closed
 * the proposal yet). The new ballot becomes the current one; earlier ones are kept. Casting the same ballot
 * again changes nothing and returns the same receipt: {@code PUT} is idempotent.
 *
 * <p>The receipt is the hash of the ledger entry that records the ballot. In a secret proposal that entry
 * names the voter by their per-proposal pseudonym, never by their member id.
 */
@ApplicationScoped
class CastBallot {

    record Cast(Ballot ballot, boolean changed, long seq) {
    }

    private final EntityManager em;
    private final ProposalAccess proposals;
    private final CurrentMember current;
    private final Ledger ledger;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    CastBallot(EntityManager em, ProposalAccess proposals, CurrentMember current, Ledger ledger, Pseudonyms pseudonyms,
            Clock clock) {
        this.em = em;
        this.proposals = proposals;
        this.current = current;
        this.ledger = ledger;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    @Transactional
    Cast cast(String proposalRef, BallotContent content) {
        Instant now = clock.instant();
        Proposal p = proposals.forParticipation(proposalRef, false);
        requireOpen(p, now);
        UUID me = current.id();
        List<?> stake = em.createNativeQuery("select level from stake where proposal_id = :p and member_id = :m")
                .setParameter("p", p.id).setParameter("m", me).getResultList();
        if (stake.isEmpty() || ((Number) stake.get(0)).intValue() == 0) {
            throw ProblemException.of(BallotProblem.NO_STAKE, stake.isEmpty()
                    ? "You did not declare a stake during deliberation, so you have no vote"
                    : "You declared yourself not affected (level 0), so you have no vote; you may still argue");
        }
        int options = p.usesOptions() ? proposals.options(p.id).size() : 3;
        List<Violation> violations = content.check(p.method, options);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        // Everything above only reads; from here on the proposal's row lock is held until the commit, and the
        // work under it is kept to a few statements: the lock (with the phase and ledger head), the current
        // ballot, its retirement, the ledger append, the new ballot.
        Object[] locked = (Object[]) em.createNativeQuery("select phase, voting_ends_at, ledger_seq, ledger_head "
                + "from proposal where id = :id for update").setParameter("id", p.id).getSingleResult();
        if (!Phase.VOTING.name().equals(locked[0])) {
            throw ProblemException.of(org.devolve.proposal.ProposalProblem.WRONG_PHASE, "Voting closed meanwhile")
                    .with("phase", (String) locked[0]);
        }
        Instant endsAt = locked[1] == null ? null : toInstant(locked[1]);
        if (endsAt != null && !now.isBefore(endsAt)) {
            throw ProblemException.of(BallotProblem.VOTING_CLOSED, "Voting ended at " + endsAt)
                    .with("votingEndsAt", endsAt.toString());
        }
        Ledger.Head head = new Ledger.Head(((Number) locked[2]).longValue(), (String) locked[3]);
        Ballot previous = Ballot.find("proposalId = ?1 and voterId = ?2 and current = true", p.id, me).firstResult();
        if (previous != null && content.sameAs(previous, options)) {
            return new Cast(previous, false, -1);
        }
        String voter = p.secret ? pseudonyms.of(p.id, me) : me.toString();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("voter", voter);
        payload.put("ballot", content.ledgerForm(p.method, options));
        if (previous != null) {
            payload.put("replaces", previous.receipt);
            previous.current = false;
            em.flush();
        }
        Ledger.Appended entry = ledger.appendAfter(p.id, head, LedgerKind.BALLOT_CAST, voter, payload);
        Ballot ballot = new Ballot();
        ballot.id = UUID.randomUUID();
        ballot.proposalId = p.id;
        ballot.voterId = me;
        ballot.current = true;
        content.writeTo(ballot, options);
        ballot.receipt = entry.hash();
        ballot.castAt = now;
        ballot.persist();
        em.createNativeQuery("update stake set ballot = cast(:ballot as integer[]) where proposal_id = :p and member_id = :m")
                .setParameter("ballot", content.engineForm(p.method, options)).setParameter("p", p.id)
                .setParameter("m", me).executeUpdate();
        return new Cast(ballot, true, entry.seq());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static void requireOpen(Proposal p, Instant now) {
        ProposalAccess.requirePhase(p, "vote", Phase.VOTING);
        if (p.votingEndsAt != null && !now.isBefore(p.votingEndsAt)) {
            throw ProblemException.of(BallotProblem.VOTING_CLOSED, "Voting ended at " + p.votingEndsAt)
                    .with("votingEndsAt", p.votingEndsAt.toString());
        }
    }
}
