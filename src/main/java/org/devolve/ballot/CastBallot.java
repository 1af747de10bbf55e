package org.devolve.ballot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.ledger.Pseudonyms;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.Phase;
import org.devolve.proposal.PhaseGuards;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.devolve.stake.Stakes;
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
    record Cast(String receipt, Instant castAt, boolean changed, String salt, String committed) {}

    private final EntityManager em;
    private final Proposals proposals;
    private final Stakes stakes;
    private final CurrentMember current;
    private final Ledger ledger;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    CastBallot(
            EntityManager em,
            Proposals proposals,
            Stakes stakes,
            CurrentMember current,
            Ledger ledger,
            Pseudonyms pseudonyms,
            Clock clock) {
        this.em = em;
        this.proposals = proposals;
        this.stakes = stakes;
        this.current = current;
        this.ledger = ledger;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    @Transactional
    Cast cast(String proposalRef, BallotContent content) {
        Instant now = clock.instant();
        Proposal p = proposals.forParticipation(proposalRef, false);
        PhaseGuards.requirePhase(p, "vote", Phase.VOTING);
        PhaseGuards.requireVotingNotEnded(p, now, "vote");
        UUID me = current.id();
        OptionalInt stake = stakes.level(p.id, me);
        if (stake.isEmpty() || stake.getAsInt() == 0) {
            throw ProblemException.of(
                    BallotProblem.NO_STAKE,
                    stake.isEmpty()
                            ? "You did not declare a stake during deliberation, so you have no vote"
                            : "You declared yourself not affected (level 0), so you have no vote; you may still argue");
        }
        int options = p.usesOptions() ? proposals.options(p.id).size() : 3;
        BallotContent.Checked checked = content.check(p.method, options);
        if (!checked.violations().isEmpty()) {
            throw ProblemException.invalid(checked.violations());
        }
        int[] values = checked.values();
        String salt = salt();
        String committed = BallotJson.canonical(p.method, values);
        String commitment = LedgerReplay.commitment(salt, committed);
        // Everything above only reads. From here on the proposal's row lock is held until the commit, so the work
        // under it is a few short statements: the lock (with the phase and the voting deadline), the voter's current
        // ballot (read after the lock, so that it is the one the previous holder of the lock committed), the ledger
        // append, retiring the previous ballot, the stake's copy to count, the new ballot.
        Proposals.Locked locked = proposals.lockForBallot(p.id);
        if (locked.phase() != Phase.VOTING) {
            throw ProblemException.of(org.devolve.proposal.ProposalProblem.WRONG_PHASE, "Voting closed meanwhile")
                    .with("phase", locked.phase().name());
        }
        Ballot previous = currentBallot(p.id, me);
        Instant castAt = castAt(previous == null ? null : previous.castAt);
        if (locked.votingEndsAt() != null && !castAt.isBefore(locked.votingEndsAt())) {
            throw ProblemException.of(
                            org.devolve.proposal.ProposalProblem.VOTING_CLOSED,
                            "Voting ended at " + locked.votingEndsAt())
                    .with("votingEndsAt", locked.votingEndsAt().toString());
        }
        if (previous != null && Arrays.equals(BallotContent.values(p.method, previous), values)) {
            return new Cast(previous.receipt, previous.castAt, false, previous.salt, committed);
        }
        String voter = p.secret ? pseudonyms.of(p.id, me) : me.toString();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("voter", voter);
        payload.put("commitment", commitment);
        if (previous != null) {
            payload.put("replaces", previous.receipt);
            previous.current = false;
            em.flush(); // the partial unique index allows one current ballot: the old one stops being it first
        }
        Ledger.Appended entry = ledger.append(p.id, LedgerKind.BALLOT_CAST, voter, payload);
        stakes.recordBallot(p.id, me, values);
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

    /**
     * The voter's current ballot, in a statement of its own after the lock: under READ COMMITTED each statement
     * sees what was committed when it began, so this one sees the ballot of whoever held the lock before (a join
     * in the locking statement would read it from the snapshot taken before the lock was granted, and
     * {@code replaces} would name a ballot that is no longer the voter's last).
     */
    private Ballot currentBallot(UUID proposalId, UUID me) {
        return em.createQuery(
                        "select b from Ballot b where b.proposalId = :p and b.voterId = :me and b.current = true",
                        Ballot.class)
                .setParameter("p", proposalId)
                .setParameter("me", me)
                .getResultStream()
                .findFirst()
                .orElse(null);
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
}
