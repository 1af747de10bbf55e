package org.devolve.stake;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devolve.platform.database.BinaryCopyReader;
import org.devolve.proposal.Phase;
import org.devolve.proposal.PhaseChanged;

/**
 * The stake feature's port: what the other features read of declarations, and the one thing they write to
 * them (the ballot's copy for counting). Nothing outside this package names the stake tables.
 */
@ApplicationScoped
public class Stakes {

    private final EntityManager em;
    private final AgroalDataSource dataSource;

    Stakes(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** The member's counted level in the proposal, if they declared. */
    public OptionalInt level(UUID proposalId, UUID memberId) {
        List<Short> found = em.createQuery(
                        "select s.level from Stake s where s.proposalId = :p and s.memberId = :m", Short.class)
                .setParameter("p", proposalId)
                .setParameter("m", memberId)
                .getResultList();
        return found.isEmpty() ? OptionalInt.empty() : OptionalInt.of(found.get(0));
    }

    /**
     * Gives the member's stake row the ballot to count, in the tally engine's shape (see TallyReader): counting
     * then reads one table. The ballot feature calls it in the transaction that records the ballot.
     */
    public void recordBallot(UUID proposalId, UUID memberId, int[] values) {
        em.createNativeQuery("update stake set ballot = cast(:ballot as integer[]) where proposal_id = :p "
                        + "and member_id = :m")
                .setParameter("ballot", literal(values))
                .setParameter("p", proposalId)
                .setParameter("m", memberId)
                .executeUpdate();
    }

    /**
     * {@link #recordBallot} for several members in one statement (group commit): {@code ballots} maps each member to
     * the ballot to count. The arrays go as literals, {@code {id,id}} and {@code {"{1}","{0,2}"}}, which hold only
     * ids, digits, commas and braces.
     */
    public void recordBallots(UUID proposalId, Map<UUID, int[]> ballots) {
        if (ballots.isEmpty()) {
            return;
        }
        StringBuilder members = new StringBuilder("{");
        StringBuilder values = new StringBuilder("{");
        ballots.forEach((member, ballot) -> {
            members.append(members.length() == 1 ? "" : ",").append(member);
            values.append(values.length() == 1 ? "" : ",")
                    .append('"')
                    .append(literal(ballot))
                    .append('"');
        });
        em.createNativeQuery("update stake s set ballot = cast(v.ballot as integer[]) "
                        + "from unnest(cast(:members as uuid[]), cast(:ballots as text[])) as v(member, ballot) "
                        + "where s.proposal_id = :p and s.member_id = v.member")
                .setParameter("members", members.append('}').toString())
                .setParameter("ballots", values.append('}').toString())
                .setParameter("p", proposalId)
                .executeUpdate();
    }

    /** The proposals among {@code proposalIds} where the member declared, with the level that counts. */
    public Map<UUID, Integer> levelsOf(UUID memberId, Collection<UUID> proposalIds) {
        if (proposalIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery(
                        "select s.proposalId, s.level from Stake s where s.memberId = :m and s.proposalId in :ids",
                        Object[].class)
                .setParameter("m", memberId)
                .setParameter("ids", proposalIds)
                .getResultStream()
                .collect(Collectors.toMap(r -> (UUID) r[0], r -> ((Number) r[1]).intValue()));
    }

    /** The proposals where the member declared a stake above 0, that is where they may vote, at most {@code limit}. */
    public List<UUID> countedIn(UUID memberId, int limit) {
        return em.createQuery(
                        "select s.proposalId from Stake s where s.memberId = :m and s.level > 0 and s.refunded = false"
                                + " order by s.raisedAt desc",
                        UUID.class)
                .setParameter("m", memberId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** An open challenge to a declaration: which, in which proposal, when raised. */
    public record OpenChallenge(UUID id, UUID proposalId, Instant raisedAt) {}

    /** Open challenges to the member's declarations that they have not answered yet, oldest first. */
    public List<OpenChallenge> unansweredBy(UUID memberId, int limit) {
        return em.createQuery(
                        "select c.id, c.proposalId, c.createdAt from StakeChallenge c, Stake s where s.id = c.stakeId"
                                + " and s.memberId = :m and c.status = :open and c.answeredAt is null"
                                + " order by c.createdAt, c.id",
                        Object[].class)
                .setParameter("m", memberId)
                .setParameter("open", ChallengeStatus.OPEN)
                .setMaxResults(limit)
                .getResultStream()
                .map(Stakes::challenge)
                .toList();
    }

    /**
     * Open challenges in proposals decided by one of {@code circles}, except those to {@code declarant}'s own
     * declarations (another facilitator rules on those), oldest first.
     */
    public List<OpenChallenge> openInCircles(Collection<UUID> circles, UUID declarant, int limit) {
        if (circles.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select c.id, c.proposalId, c.createdAt from StakeChallenge c, Stake s where s.id = c.stakeId"
                                + " and s.circleId in :circles and s.memberId <> :m and c.status = :open"
                                + " order by c.createdAt, c.id",
                        Object[].class)
                .setParameter("circles", circles)
                .setParameter("m", declarant)
                .setParameter("open", ChallengeStatus.OPEN)
                .setMaxResults(limit)
                .getResultStream()
                .map(Stakes::challenge)
                .toList();
    }

    private static OpenChallenge challenge(Object[] r) {
        return new OpenChallenge((UUID) r[0], (UUID) r[1], (Instant) r[2]);
    }

    /** A member's declaration as others show it next to what they wrote: their group and counted level. */
    public record Standing(UUID groupId, int level) {}

    /** The standings of these members in the proposal (those who declared). */
    public Map<UUID, Standing> standings(UUID proposalId, Collection<UUID> memberIds) {
        Map<UUID, Standing> out = new HashMap<>();
        if (memberIds.isEmpty()) {
            return out;
        }
        em.createQuery(
                        "select s.memberId, s.groupId, s.level from Stake s where s.proposalId = :p "
                                + "and s.memberId in :ids",
                        Object[].class)
                .setParameter("p", proposalId)
                .setParameter("ids", memberIds)
                .getResultStream()
                .forEach(r -> out.put((UUID) r[0], new Standing((UUID) r[1], (Short) r[2])));
        return out;
    }

    /** One declaration as the count reads it. */
    @FunctionalInterface
    public interface Row {
        /**
         * {@code group}: the place of the declaration's group in the list given; {@code ballot}: the current
         * ballot in the engine's shape, or null when the member has not voted.
         */
        void accept(int group, UUID member, int level, int[] ballot) throws IOException;
    }

    /**
     * Streams the declarations of the proposal in the groups given (others are skipped), on the transaction's own
     * connection with one {@code COPY ... TO STDOUT (FORMAT binary)}: a million rows are read without a million
     * entities. When {@code ordered}, by group in the order given, then by member id (the export's order), sorted
     * here ({@link DeclarationRows}): the scan reads the heap in its own order, where the index of (proposal_id,
     * member_id) would visit it at random. COPY takes no parameters: the values are uuids formatted here, never text
     * from a client.
     */
    public void rows(UUID proposalId, List<UUID> groups, boolean ordered, Row each) {
        // the group's place in the list (1-based, null for a group not listed) rather than its id: 6 bytes a row
        // on the wire instead of 20
        StringBuilder places = new StringBuilder();
        for (UUID g : groups) {
            places.append(places.length() == 0 ? "" : ",").append(g);
        }
        String sql = "copy (select array_position('{" + places + "}'::uuid[], group_id)::smallint, member_id, level,"
                + " ballot from stake where proposal_id = '" + proposalId + "') to stdout (format binary)";
        DeclarationRows held = ordered ? new DeclarationRows() : null;
        try (Connection c = dataSource.getConnection()) {
            org.postgresql.copy.CopyManager copy =
                    c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            try (BinaryCopyReader rows =
                    new BinaryCopyReader(new org.postgresql.copy.PGCopyInputStream(copy.copyOut(sql)))) {
                while (rows.next()) {
                    int group = rows.smallint(0) - 1;
                    UUID member = rows.uuid();
                    int level = rows.smallint(0);
                    int[] ballot = rows.intArray();
                    if (group < 0) {
                        continue;
                    }
                    if (held != null) {
                        held.add(
                                group,
                                member.getMostSignificantBits(),
                                member.getLeastSignificantBits(),
                                level,
                                ballot);
                    } else {
                        each.accept(group, member, level, ballot);
                    }
                }
            }
            if (held != null) {
                held.forEachOrdered(groups.size(), each);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Reading the declarations failed", e);
        }
    }

    /** A declaration named for an operator: its row id and its member. */
    public record RowId(UUID stakeId, UUID memberId) {}

    /**
     * The declaration at place {@code n} (from 0) of the proposal's declarations in the export's order: groups in
     * the order given, members by id within each.
     */
    public Optional<RowId> at(UUID proposalId, List<UUID> groupsInOrder, long n) {
        List<?> found = em.createNativeQuery("select id, member_id from stake where proposal_id = :p "
                        + "order by array_position(cast(:groups as uuid[]), group_id), member_id offset :n limit 1")
                .setParameter("p", proposalId)
                .setParameter("groups", groupsInOrder.toArray(UUID[]::new))
                .setParameter("n", n)
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) found.get(0);
        return Optional.of(new RowId((UUID) row[0], (UUID) row[1]));
    }

    /** A withdrawn proposal gives its points back: its declarations no longer count against any budget. */
    void onPhaseChanged(@Observes PhaseChanged change) {
        if (change.to() == Phase.WITHDRAWN) {
            em.createQuery("update Stake s set s.refunded = true where s.proposalId = :p")
                    .setParameter("p", change.proposalId())
                    .executeUpdate();
        }
    }

    /** {@code {1,2,3}}: an array literal PostgreSQL casts to integer[]. */
    private static String literal(int[] values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(values[i]);
        }
        return out.append('}').toString();
    }
}
