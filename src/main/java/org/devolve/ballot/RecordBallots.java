package org.devolve.ballot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.Phase;
import org.devolve.proposal.ProposalProblem;
import org.devolve.proposal.Proposals;
import org.devolve.stake.Stakes;
import org.hibernate.Session;

/**
 * The part of casting a ballot that holds the proposal's row lock: for ballots of one proposal, in the order given,
 * under one lock and in one transaction (group commit, see {@link BallotBatches}; a batch of one when group commit
 * is off). Each ballot is checked on its own against what the lock shows (the phase, the voting deadline with its
 * exclusive end, the voter's current ballot); a ballot refused there gets its problem and the others go on, since
 * nothing is written before every ballot has been checked. A later ballot of the same voter in the batch replaces
 * the earlier one, as it would in the next transaction. Then the writes, each one statement for the whole batch:
 * the ledger's entries, the retirement of the replaced ballots, the stakes' copies to count, the new ballots.
 */
@ApplicationScoped
class RecordBallots {

    /** What became of one ballot of the batch: its cast, or the problem that refused it. */
    record Outcome(CastBallot.Cast cast, ProblemException refused) {}

    /** The voter's last ballot as the batch goes: the stored current one, or one written earlier in this batch. */
    private record Latest(UUID id, String receipt, Instant castAt, int[] values, String salt, Ballot fresh) {}

    private final EntityManager em;
    private final Proposals proposals;
    private final Stakes stakes;
    private final Ledger ledger;
    private final Clock clock;

    RecordBallots(EntityManager em, Proposals proposals, Stakes stakes, Ledger ledger, Clock clock) {
        this.em = em;
        this.proposals = proposals;
        this.stakes = stakes;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    List<Outcome> record(UUID proposalId, List<Intent> intents) {
        Proposals.Locked locked = proposals.lockForBallot(proposalId);
        Map<UUID, Latest> latest = new HashMap<>();
        for (Ballot b : currentBallots(proposalId, intents)) {
            latest.put(
                    b.voterId,
                    new Latest(
                            b.id,
                            b.receipt,
                            b.castAt,
                            BallotContent.values(intents.get(0).method(), b),
                            b.salt,
                            null));
        }
        Ledger.Batch entries = ledger.batch(proposalId, LedgerKind.BALLOT_CAST);
        List<Outcome> outcomes = new ArrayList<>(intents.size());
        List<Ballot> fresh = new ArrayList<>();
        List<UUID> retired = new ArrayList<>();
        Map<UUID, int[]> counted = new LinkedHashMap<>();
        for (Intent it : intents) {
            if (locked.phase() != Phase.VOTING) {
                outcomes.add(refused(ProblemException.of(ProposalProblem.WRONG_PHASE, "Voting closed meanwhile")
                        .with("phase", locked.phase().name())));
                continue;
            }
            Latest previous = latest.get(it.voterId());
            Instant castAt = castAt(previous == null ? null : previous.castAt());
            if (locked.votingEndsAt() != null && !castAt.isBefore(locked.votingEndsAt())) {
                outcomes.add(refused(
                        ProblemException.of(ProposalProblem.VOTING_CLOSED, "Voting ended at " + locked.votingEndsAt())
                                .with("votingEndsAt", locked.votingEndsAt().toString())));
                continue;
            }
            if (previous != null && Arrays.equals(previous.values(), it.values())) {
                outcomes.add(new Outcome(
                        new CastBallot.Cast(
                                previous.receipt(), previous.castAt(), false, previous.salt(), it.committed()),
                        null));
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("voter", it.voter());
            payload.put("commitment", it.commitment());
            if (previous != null) {
                payload.put("replaces", previous.receipt());
                if (previous.fresh() != null) {
                    previous.fresh().current = false; // replaced within the batch: written as a past ballot
                } else {
                    retired.add(previous.id());
                }
            }
            Ledger.Appended entry = entries.add(it.voter(), payload);
            Ballot ballot = new Ballot();
            ballot.id = UUID.randomUUID();
            ballot.proposalId = proposalId;
            ballot.voterId = it.voterId();
            ballot.current = true;
            BallotContent.write(it.method(), it.values(), ballot);
            ballot.salt = it.salt();
            ballot.receipt = entry.hash();
            ballot.castAt = castAt;
            fresh.add(ballot);
            counted.put(it.voterId(), it.values());
            latest.put(it.voterId(), new Latest(ballot.id, ballot.receipt, castAt, it.values(), it.salt(), ballot));
            outcomes.add(
                    new Outcome(new CastBallot.Cast(ballot.receipt, castAt, true, it.salt(), it.committed()), null));
        }
        if (!fresh.isEmpty()) {
            entries.write();
            if (!retired.isEmpty()) {
                // the partial unique index allows one current ballot: the old ones stop being it first
                em.createNativeQuery("update ballot set current = false where proposal_id = :p and id in (:ids)")
                        .setParameter("p", proposalId)
                        .setParameter("ids", retired)
                        .executeUpdate();
            }
            stakes.recordBallots(proposalId, counted);
            insert(fresh);
        }
        return outcomes;
    }

    private static Outcome refused(ProblemException problem) {
        return new Outcome(null, problem);
    }

    /**
     * The current ballots of the batch's voters, in a statement of its own after the lock: under READ COMMITTED each
     * statement sees what was committed when it began, so this one sees the ballots of whoever held the lock before
     * (a join in the locking statement would read them from the snapshot taken before the lock was granted, and
     * {@code replaces} would name a ballot that is no longer the voter's last).
     */
    private List<Ballot> currentBallots(UUID proposalId, List<Intent> intents) {
        List<UUID> voters = intents.stream().map(Intent::voterId).distinct().toList();
        return em.createQuery(
                        "select b from Ballot b where b.proposalId = :p and b.voterId in :voters and b.current = true",
                        Ballot.class)
                .setParameter("p", proposalId)
                .setParameter("voters", voters)
                .getResultList();
    }

    private static final String INSERT = "insert into ballot (id, proposal_id, voter_id, current, stance, choice, "
            + "approvals, scores, allocation, ranking, salt, receipt, cast_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The new ballots, as one JDBC batch (one round trip; Hibernate here would send one insert per ballot). */
    private void insert(List<Ballot> ballots) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                for (Ballot b : ballots) {
                    s.setObject(1, b.id);
                    s.setObject(2, b.proposalId);
                    s.setObject(3, b.voterId);
                    s.setBoolean(4, b.current);
                    setShort(s, 5, b.stance);
                    setShort(s, 6, b.choice);
                    setArray(s, 7, "smallint", boxed(b.approvals));
                    setArray(s, 8, "smallint", boxed(b.scores));
                    setArray(
                            s,
                            9,
                            "integer",
                            b.allocation == null
                                    ? null
                                    : Arrays.stream(b.allocation).boxed().toArray());
                    setArray(s, 10, "smallint", boxed(b.ranking));
                    s.setString(11, b.salt);
                    s.setString(12, b.receipt);
                    s.setObject(13, b.castAt.atOffset(ZoneOffset.UTC));
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    private static void setShort(PreparedStatement s, int i, Short v) throws java.sql.SQLException {
        if (v == null) {
            s.setNull(i, Types.SMALLINT);
        } else {
            s.setShort(i, v);
        }
    }

    private static void setArray(PreparedStatement s, int i, String type, Object[] v) throws java.sql.SQLException {
        if (v == null) {
            s.setNull(i, Types.ARRAY);
        } else {
            s.setArray(i, s.getConnection().createArrayOf(type, v));
        }
    }

    private static Object[] boxed(short[] values) {
        if (values == null) {
            return null;
        }
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
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
