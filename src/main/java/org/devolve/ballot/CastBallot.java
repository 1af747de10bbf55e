package org.devolve.ballot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /** The receipt and time of the current ballot, and whether this request changed it. */
    record Cast(String receipt, Instant castAt, boolean changed) {
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
        Ballot ballot = new Ballot();
        ballot.id = UUID.randomUUID();
        ballot.proposalId = p.id;
        ballot.voterId = me;
        ballot.current = true;
        content.writeTo(ballot, options);
        String engineForm = BallotContent.engineForm(p.method, ballot);
        // Everything above only reads. From here on the proposal's row lock is held until the commit, so the work
        // under it is four statements: the lock (which also reads the phase, the ledger head and the current
        // ballot), the ledger append, retiring the previous ballot with the stake's copy, the new ballot.
        Object[] locked = (Object[]) em.createNativeQuery(LOCK).setParameter("id", p.id).setParameter("me", me)
                .getSingleResult();
        if (!Phase.VOTING.name().equals(locked[0])) {
            throw ProblemException.of(org.devolve.proposal.ProposalProblem.WRONG_PHASE, "Voting closed meanwhile")
                    .with("phase", (String) locked[0]);
        }
        Instant castAt = castAt(locked[6] == null ? null : toInstant(locked[6]));
        Instant endsAt = locked[1] == null ? null : toInstant(locked[1]);
        if (endsAt != null && !castAt.isBefore(endsAt)) {
            throw ProblemException.of(BallotProblem.VOTING_CLOSED, "Voting ended at " + endsAt)
                    .with("votingEndsAt", endsAt.toString());
        }
        Ledger.Head head = new Ledger.Head(((Number) locked[2]).longValue(), (String) locked[3]);
        String previousReceipt = (String) locked[5];
        if (previousReceipt != null && engineForm.equals(locked[4])) {
            return new Cast(previousReceipt, toInstant(locked[6]), false);
        }
        String voter = p.secret ? pseudonyms.of(p.id, me) : me.toString();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("voter", voter);
        payload.put("ballot", BallotContent.ledgerForm(p.method, ballot));
        if (previousReceipt != null) {
            payload.put("replaces", previousReceipt);
        }
        Ledger.Appended entry = ledger.appendAfter(p.id, head, LedgerKind.BALLOT_CAST, voter, payload);
        em.createNativeQuery(RETIRE).setParameter("p", p.id).setParameter("me", me).setParameter("ballot", engineForm)
                .executeUpdate();
        ballot.receipt = entry.hash();
        ballot.castAt = castAt;
        ballot.persist();
        return new Cast(ballot.receipt, ballot.castAt, true);
    }

    /**
     * When the ballot is recorded: read under the lock, so ballots are stamped in the order they are committed,
     * and strictly after the voter's previous one (at the database's microsecond precision), so that "my
     * history, oldest first" ends with the current ballot even when two arrive within the same microsecond.
     */
    private Instant castAt(Instant previous) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return previous != null && !at.isAfter(previous) ? previous.plus(1, ChronoUnit.MICROS) : at;
    }

    /** Takes the proposal's row lock and reads what the ballot depends on. */
    private static final String LOCK = """
            select p.phase, p.voting_ends_at, p.ledger_seq, p.ledger_head, s.ballot::text, b.receipt, b.cast_at
              from proposal p
              join stake s on s.proposal_id = p.id and s.member_id = :me
              left join ballot b on b.proposal_id = p.id and b.voter_id = :me and b.current
             where p.id = :id
               for update of p
            """;

    /** Retires the current ballot (it stays, no longer current) and gives the stake row the new one to count. */
    private static final String RETIRE = """
            with retired as (update ballot set current = false where proposal_id = :p and voter_id = :me and current)
            update stake set ballot = cast(:ballot as integer[]) where proposal_id = :p and member_id = :me
            """;

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
