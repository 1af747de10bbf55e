package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.devolve.platform.config.DevolveConfig;

/**
 * Proposals the scheduler fails to move on at a deadline that has passed (table {@code deadline_failure}):
 * why, since when, how often, and when it tries again. A failed proposal waits for its back-off (doubling
 * from {@code devolve.deadlines.retry-initial} to {@code retry-max}) while the others move on. A record
 * counts only while its transition is still due: once the proposal moves on (by the scheduler, which
 * deletes it, or by hand) or its deadline is moved later, it is no longer stuck.
 */
@ApplicationScoped
public class StuckProposals {

    private final EntityManager em;
    private final DevolveConfig.Deadlines config;
    private final Clock clock;

    StuckProposals(EntityManager em, DevolveConfig config, Clock clock) {
        this.em = em;
        this.config = config.deadlines();
        this.clock = clock;
    }

    /** Why the proposal is not where its deadlines say it should be, if it is stuck. */
    public Optional<ProposalViews.Stuck> of(Proposal p) {
        Phase due = dueTransition(p, clock.instant());
        if (due == null) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("""
                select reason, detail, first_failed_at, attempts, next_attempt_at
                from deadline_failure where proposal_id = :p""").setParameter("p", p.id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new ProposalViews.Stuck(
                due, (String) row[0], (String) row[1], instant(row[2]), ((Number) row[3]).intValue(), instant(row[4])));
    }

    /** The phase the proposal's passed deadline calls for, or null when none is due. */
    static Phase dueTransition(Proposal p, Instant now) {
        if (p.phase == Phase.DELIBERATION && p.deliberationEndsAt != null && !p.deliberationEndsAt.isAfter(now)) {
            return Phase.VOTING;
        }
        if (p.phase == Phase.VOTING && p.votingEndsAt != null && !p.votingEndsAt.isAfter(now)) {
            return Phase.CLOSED;
        }
        return null;
    }

    /** Records one more failure, in the caller's transaction; returns the attempts so far and the next one. */
    Recorded failed(UUID proposal, CountFailure failure, Instant now) {
        List<?> before = em.createNativeQuery("select attempts from deadline_failure where proposal_id = :p for update")
                .setParameter("p", proposal)
                .getResultList();
        int attempts = before.isEmpty() ? 1 : ((Number) before.get(0)).intValue() + 1;
        Instant next = now.plus(backoff(attempts));
        em.createNativeQuery("""
                insert into deadline_failure (proposal_id, attempts, reason, detail, first_failed_at, last_failed_at,
                                              next_attempt_at)
                values (:p, :attempts, :reason, :detail, :now, :now, :next)
                on conflict (proposal_id) do update set attempts = excluded.attempts, reason = excluded.reason,
                    detail = excluded.detail, last_failed_at = excluded.last_failed_at,
                    next_attempt_at = excluded.next_attempt_at""")
                .setParameter("p", proposal)
                .setParameter("attempts", attempts)
                .setParameter("reason", failure.reason())
                .setParameter("detail", failure.detail())
                .setParameter("now", now)
                .setParameter("next", next)
                .executeUpdate();
        return new Recorded(attempts, next);
    }

    record Recorded(int attempts, Instant nextAttemptAt) {}

    /** The proposal moved on: it is not stuck any more. */
    void cleared(UUID proposal) {
        em.createNativeQuery("delete from deadline_failure where proposal_id = :p")
                .setParameter("p", proposal)
                .executeUpdate();
    }

    /** Forgets the records of proposals whose transition is no longer due; returns how many stay. */
    Count settle(Instant now) {
        em.createNativeQuery("""
                delete from deadline_failure f using proposal p where p.id = f.proposal_id
                and not ((p.phase = 'DELIBERATION' and p.deliberation_ends_at <= :now)
                      or (p.phase = 'VOTING' and p.voting_ends_at <= :now))""").setParameter("now", now).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("select count(*), min(first_failed_at) from deadline_failure")
                .getSingleResult();
        return new Count(((Number) row[0]).longValue(), row[1] == null ? null : instant(row[1]));
    }

    record Count(long stuck, Instant oldestSince) {}

    /** After the n-th failure (from 1): the initial pause, doubled each time, at most the maximum. */
    Duration backoff(int attempts) {
        Duration pause = config.retryInitial();
        for (int i = 1; i < attempts && pause.compareTo(config.retryMax()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(config.retryMax()) > 0 ? config.retryMax() : pause;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("Not an instant: " + value);
    }
}
