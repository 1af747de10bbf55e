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
 * opened. A declaration lowered after a challenge costs its lowered level; a withdrawn proposal gives its points
 * back.
 *
 * <p>The budget is one across all of the circle's proposals, so checking it and spending it must be atomic across
 * them: {@link #lock} takes a transaction-scoped advisory lock on (member, circle) that every declaration in the
 * circle's proposals takes after its proposal's row lock and before reading {@link #used}. Two declarations of one
 * member in two proposals of a circle are thus serialised, and the second sees the first once it commits (read
 * committed: each statement sees what committed before it began). Nothing takes the two locks in the other order.
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

    /** Holds the member's budget in the circle until the transaction ends. */
    void lock(UUID member, UUID circle) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "devolve.stake-budget:" + member + ":" + circle)
                .getSingleResult();
    }

    /**
     * What the member has spent in the circle's period, not counting their stake in {@code except} nor their stakes
     * in withdrawn proposals.
     */
    long used(UUID member, UUID circle, String period, UUID except) {
        Long used = em.createQuery(
                        "select coalesce(sum(s.level * s.level), 0) from Stake s where s.memberId = :member "
                                + "and s.circleId = :circle and s.budgetPeriod = :period and s.proposalId <> :except "
                                + "and s.refunded = false",
                        Long.class)
                .setParameter("circle", circle)
                .setParameter("member", member)
                .setParameter("period", period)
                .setParameter("except", except == null ? new UUID(0, 0) : except)
                .getSingleResult();
        return used == null ? 0 : used;
    }
}
