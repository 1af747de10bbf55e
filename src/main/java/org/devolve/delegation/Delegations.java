package org.devolve.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The delegation feature's port: whose judgement each person's follows, as it stood at an instant. */
@ApplicationScoped
public class Delegations {

    private final EntityManager em;

    Delegations(EntityManager em) {
        this.em = em;
    }

    /**
     * Delegator → delegate for a proposal at {@code at}: each person's delegation for the proposal if they had one
     * then, else their delegation for its circle. Empty (after two index probes) when there is none at all.
     */
    public Map<UUID, UUID> asOf(UUID proposalId, UUID circleId, Instant at) {
        Map<UUID, UUID> delegates = new HashMap<>();
        if (!any(proposalId, circleId)) {
            return delegates;
        }
        // circle delegations first, then the proposal's, which override them
        try (Stream<Object[]> rows = em.createQuery(
                        "select d.delegatorId, d.delegateId, d.proposalId from Delegation d "
                                + "where (d.circleId = :c or d.proposalId = :p) and d.createdAt <= :at "
                                + "and (d.revokedAt is null or d.revokedAt > :at) order by case when d.proposalId is null then 0 else 1 end",
                        Object[].class)
                .setParameter("c", circleId)
                .setParameter("p", proposalId)
                .setParameter("at", at)
                .setHint("org.hibernate.fetchSize", 5_000)
                .getResultStream()) {
            rows.forEach(r -> delegates.put((UUID) r[0], (UUID) r[1]));
        }
        return delegates;
    }

    /** Whether the member has a delegation in force now for the proposal, or for its circle. */
    public boolean delegates(UUID proposalId, UUID circleId, UUID memberId, Instant at) {
        return !em.createQuery(
                        "select d.id from Delegation d where d.delegatorId = :m and (d.circleId = :c or d.proposalId = :p)"
                                + " and d.createdAt <= :at and (d.revokedAt is null or d.revokedAt > :at)",
                        UUID.class)
                .setParameter("m", memberId)
                .setParameter("c", circleId)
                .setParameter("p", proposalId)
                .setParameter("at", at)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private boolean any(UUID proposalId, UUID circleId) {
        return !em.createQuery("select d.id from Delegation d where d.proposalId = :p or d.circleId = :c", UUID.class)
                .setParameter("p", proposalId)
                .setParameter("c", circleId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /**
     * What the circle's delegations leave behind: it changes with every new and every revoked one (a cache of
     * counts that depend on them is keyed by it).
     */
    public String circleStamp(UUID circleId) {
        Object[] row = (Object[]) em.createQuery(
                        "select count(d), max(d.createdAt), max(d.revokedAt) from Delegation d "
                                + "where d.circleId = :c",
                        Object[].class)
                .setParameter("c", circleId)
                .getSingleResult();
        return row[0] + "/" + row[1] + "/" + row[2];
    }
}
