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
import org.devolve.tally.io.BallotJson;
import org.devolve.tally.io.LedgerReplay;

/**
 * A participant with a stake above 0 casts or changes their ballot while voting is open: until the instant
 * voting ends, exclusive (a ballot one millisecond late is refused, whether or not the scheduler has closed
 * the proposal yet). The new ballot becomes the current one; earlier ones are kept. Casting the same ballot
 * again changes nothing and returns the same receipt: {@code PUT} is idempotent.
 *
 * <p>The receipt is the hash of the ledger entry that records the ballot. That entry holds the ballot's
 * commitment, {@code SHA-256(salt ‖ canonical JSON of the ballot)} with a fresh 256-bit salt, never the ballot
 * itself: nobody can read the vote while it is open, nor find a ballot by trying the few there could be. The salt
 * is kept with the ballot (its voter reads it with their ballot, and can recompute the commitment) and revealed
 * at the close of a public proposal; in a secret one it never is, and the entry names the voter by their
 * per-proposal pseudonym, never by their member id.
 */
@ApplicationScoped
class CastBallot {

    /** The receipt, time and commitment's salt of the current ballot, and whether this request changed it. */
    record Cast(String receipt, Instant castAt, boolean changed, String salt, String committed) {
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
        BallotContent.Checked checked = content.check(p.method, options);
        if (!checked.violations().isEmpty()) {
            throw ProblemException.invalid(checked.violations());
        }
        int[] values = checked.values();
        String engineForm = BallotContent.literal(values);
        String salt = salt();
        String committed = BallotJson.canonical(p.method, values);
        String commitment = LedgerReplay.commitment(salt, committed);
        // Everything above only reads. From here on the proposal's row lock is held until the commit, so the work
        // under it is five statements: the lock (with the phase and the ledger head), the voter's current ballot
        // (read after the lock, so that it is the one the previous holder of the lock committed), the ledger
        // append, retiring the previous ballot with the stake's copy, the new ballot.
        Object[] locked = (Object[]) em.createNativeQuery(LOCK).setParameter("id", p.id).getSingleResult();
        if (!Phase.VOTING.name().equals(locked[0])) {
            throw ProblemException.of(org.devolve.proposal.ProposalProblem.WRONG_PHASE, "Voting closed meanwhile")
                    .with("phase", (String) locked[0]);
        }
        Object[] mine = (Object[]) em.createNativeQuery(CURRENT).setParameter("p", p.id).setParameter("me", me)
                .getSingleResult();
        Instant castAt = castAt(mine[2] == null ? null : toInstant(mine[2]));
        Instant endsAt = locked[1] == null ? null : toInstant(locked[1]);
        if (endsAt != null && !castAt.isBefore(endsAt)) {
            throw ProblemException.of(org.devolve.proposal.ProposalProblem.VOTING_CLOSED, "Voting ended at " + endsAt)
                    .with("votingEndsAt", endsAt.toString());
        }
        Ledger.Head head = new Ledger.Head(((Number) locked[2]).longValue(), (String) locked[3]);
        String previousReceipt = (String) mine[1];
        if (previousReceipt != null && engineForm.equals(mine[0])) {
            return new Cast(previousReceipt, toInstant(mine[2]), false, (String) mine[3], committed);
        }
        String voter = p.secret ? pseudonyms.of(p.id, me) : me.toString();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("voter", voter);
        payload.put("commitment", commitment);
        if (previousReceipt != null) {
            payload.put("replaces", previousReceipt);
        }
        Ledger.Appended entry = ledger.appendAfter(p.id, head, LedgerKind.BALLOT_CAST, voter, payload);
        em.createNativeQuery(RETIRE).setParameter("p", p.id).setParameter("me", me).setParameter("ballot", engineForm)
                .executeUpdate();
        Ballot ballot = new Ballot();
        ballot.id = UUID.randomUUID();
        ballot.proposalId = p.id;
        ballot.voterId = me;
        ballot.current = true;
        BallotContent.write(p.method, values, ballot);
        ballot.salt = salt;
        ballot.receipt = entry.hash();
        ballot.castAt = castAt;
        ballot.persist();
        return new Cast(ballot.receipt, ballot.castAt, true, salt, committed);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** 256 random bits as 64 hex digits: what makes a commitment impossible to guess from the few ballots there are. */
    private static String salt() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
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

    /** Takes the proposal's row lock and reads its phase, voting deadline and ledger head. */
    private static final String LOCK = """
            select p.phase, p.voting_ends_at, p.ledger_seq, p.ledger_head from proposal p where p.id = :id for update
            """;

    /**
     * The voter's current ballot, in a statement of its own after the lock: under READ COMMITTED each statement
     * sees what was committed when it began, so this one sees the ballot of whoever held the lock before (a join
     * in the locking statement would read it from the snapshot taken before the lock was granted, and
     * {@code replaces} would name a ballot that is no longer the voter's last).
     */
    private static final String CURRENT = """
            select s.ballot::text, b.receipt, b.cast_at, b.salt
              from stake s
              left join ballot b on b.proposal_id = s.proposal_id and b.voter_id = s.member_id and b.current
             where s.proposal_id = :p and s.member_id = :me
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
            throw ProblemException.of(org.devolve.proposal.ProposalProblem.VOTING_CLOSED, "Voting ended at " + p.votingEndsAt)
                    .with("votingEndsAt", p.votingEndsAt.toString());
        }
    }
}
