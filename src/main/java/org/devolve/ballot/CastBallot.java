package org.devolve.ballot;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Pseudonyms;
import org.devolve.platform.config.DevolveConfig;
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

    private final Proposals proposals;
    private final Stakes stakes;
    private final CurrentMember current;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final RecordBallots record;
    private final BallotBatches batches;
    private final boolean groupCommit;

    CastBallot(
            Proposals proposals,
            Stakes stakes,
            CurrentMember current,
            Pseudonyms pseudonyms,
            Clock clock,
            RecordBallots record,
            BallotBatches batches,
            DevolveConfig config) {
        this.proposals = proposals;
        this.stakes = stakes;
        this.current = current;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.record = record;
        this.batches = batches;
        this.groupCommit = config.ballots().groupCommit();
    }

    /**
     * Checks everything that can be read without the proposal's lock, in a transaction of its own that ends before
     * the ballot waits for its batch (so that a waiting request holds no connection); then the ballot is written
     * with the others of its proposal that arrived meanwhile ({@link BallotBatches}), and this returns once that is
     * committed. Without group commit, the checks and the write are one transaction, as before.
     */
    Cast cast(String proposalRef, BallotContent content) {
        if (!groupCommit) {
            return QuarkusTransaction.requiringNew().call(() -> {
                Intent intent = check(proposalRef, content);
                RecordBallots.Outcome o =
                        record.record(intent.proposalId(), List.of(intent)).get(0);
                if (o.refused() != null) {
                    throw o.refused();
                }
                return o.cast();
            });
        }
        return batches.submit(QuarkusTransaction.requiringNew().call(() -> check(proposalRef, content)));
    }

    private Intent check(String proposalRef, BallotContent content) {
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
        String voter = p.secret ? pseudonyms.of(p.id, me) : me.toString();
        return new Intent(p.id, me, voter, p.method, values, salt, committed, commitment);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** 256 random bits as 64 hex digits: what makes a commitment impossible to guess from the few ballots there are. */
    private static String salt() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
