package org.devolve.stake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.devolve.circle.BudgetPeriod;
import org.devolve.circle.CirclePolicy;

/**
 * The stake budget: a member has B points per circle per period, and a declaration of level s in one of the
 * circle's proposals costs s² (1, 4, 9, 16, 25). The period is the one in which the proposal's deliberation
 * opened. A declaration lowered after a challenge costs its lowered level.
 */
@ApplicationScoped
class StakeBudgets {

    private final EntityManager em;

    StakeBudgets(EntityManager em) {
        this.em = em;
    }

    static long cost(int level) {
        return (long) level * level;
    }

    static String periodOf(CirclePolicy policy, Instant opened) {
        BudgetPeriod period = policy.budgetPeriod() == null ? BudgetPeriod.QUARTER : policy.budgetPeriod();
        return period.keyOf(opened);
    }

    /** What the member has spent in the circle's period, not counting their stake in {@code except}. */
    long used(UUID member, UUID circle, String period, UUID except) {
        Long used = em.createQuery("select coalesce(sum(s.level * s.level), 0) from Stake s, Proposal p "
                + "where p.id = s.proposalId and p.circleId = :circle and s.memberId = :member "
                + "and s.budgetPeriod = :period and s.proposalId <> :except", Long.class)
                .setParameter("circle", circle).setParameter("member", member).setParameter("period", period)
                .setParameter("except", except == null ? new UUID(0, 0) : except).getSingleResult();
        return used == null ? 0 : used;
    }
}
