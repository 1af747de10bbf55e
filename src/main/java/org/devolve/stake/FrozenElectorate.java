package org.devolve.stake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.devolve.proposal.Electorate;
import org.devolve.tally.Weighting;
import org.devolve.tally.io.LedgerReplay;

/**
 * The declarations of a proposal as voting freezes them (member, group, level as counted), digested for the
 * ledger's VOTING entry in member order, streamed: a million declarations are never held at once.
 */
@ApplicationScoped
class FrozenElectorate implements Electorate {

    private final EntityManager em;

    FrozenElectorate(EntityManager em) {
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Digest digest(UUID proposalId) {
        LedgerReplay.Electorate digest = new LedgerReplay.Electorate();
        try (Stream<Object[]> rows = em.createNativeQuery("select member_id::text, group_id::text, level from stake "
                        + "where proposal_id = :p order by member_id::text collate \"C\"")
                .setParameter("p", proposalId)
                .setHint("org.hibernate.fetchSize", 5_000)
                .getResultStream()) {
            rows.forEach(r -> digest.add((String) r[0], (String) r[1], ((Number) r[2]).intValue()));
        }
        return new Digest(digest.count(), digest.sha256());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<UUID, long[]> levelsByGroup(UUID proposalId) {
        Map<UUID, long[]> out = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("select group_id, level, count(*) from stake where proposal_id = :p "
                        + "group by group_id, level")
                .setParameter("p", proposalId)
                .getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent((UUID) r[0], g -> new long[Weighting.MAX_STAKE + 1])[((Number) r[1]).intValue()] =
                    ((Number) r[2]).longValue();
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, LedgerReplay.Declaration> declarations(UUID proposalId) {
        Map<String, LedgerReplay.Declaration> out = new HashMap<>();
        try (Stream<Object[]> rows = em.createNativeQuery(
                        "select member_id::text, group_id::text, level from stake " + "where proposal_id = :p")
                .setParameter("p", proposalId)
                .setHint("org.hibernate.fetchSize", 5_000)
                .getResultStream()) {
            rows.forEach(r ->
                    out.put((String) r[0], new LedgerReplay.Declaration((String) r[1], ((Number) r[2]).intValue())));
        }
        return out;
    }

    @Override
    public Optional<Declared> declarationOf(UUID proposalId, UUID memberId) {
        return em.createQuery(
                        "select s.level, s.groupId from Stake s where s.proposalId = :p and s.memberId = :me",
                        Object[].class)
                .setParameter("p", proposalId)
                .setParameter("me", memberId)
                .getResultStream()
                .findFirst()
                .map(r -> new Declared((Short) r[0], (UUID) r[1]));
    }

    @Override
    public Set<UUID> proposalsWithStake(UUID memberId) {
        return Set.copyOf(em.createQuery(
                        "select s.proposalId from Stake s where s.memberId = :me " + "and s.level > 0", UUID.class)
                .setParameter("me", memberId)
                .getResultList());
    }
}
