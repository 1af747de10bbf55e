package org.devolve.proposal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.database.UntilMigrated;
import org.jboss.logging.Logger;

/**
 * Moves proposals on at their deadlines: deliberation ends → voting opens; voting ends → the proposal
 * closes and is counted.
 *
 * <p><b>Fair.</b> Each run walks every due proposal, oldest deadline first, a page at a time
 * ({@code devolve.deadlines.page-size}). A proposal
 * whose transition fails is rolled back, its failure recorded ({@link StuckProposals}: reason, attempts,
 * since when) and left alone until its back-off has passed, so it is neither retried on every tick nor in
 * the way of the proposals behind it. Its readers see why ({@code stuck} on the proposal, {@code
 * COUNT_FAILED} on its result), operators see the gauge {@code devolve_deadlines_stuck}, the readiness
 * check's {@code deadlines} data and a log line naming the proposal and the row at fault.
 *
 * <p><b>Safe with several replicas.</b> Each proposal is advanced in a transaction of its own that first
 * takes the proposal's row lock with {@code SKIP LOCKED} and re-reads its phase, so a proposal that another
 * replica is already advancing is skipped, and a transition never happens twice. Voting does not open
 * while stake challenges are open: the proposal waits in deliberation, and its facilitators are told.
 */
@ApplicationScoped
public class Deadlines {

    private static final Logger LOG = Logger.getLogger(Deadlines.class);

    /** What the scheduler knows after its last run. */
    record Status(long stuck, Instant oldestStuckSince, Instant lastRunAt) {}

    private final EntityManager em;
    private final ChangePhase lifecycle;
    private final VotingPreconditions preconditions;
    private final Event<VotingDelayed> delayed;
    private final StuckProposals stuck;
    private final CountDiagnosis diagnosis;
    private final Clock clock;
    private final int page;
    private final AtomicLong stuckGauge = new AtomicLong();
    private final Counter failures;
    private volatile Status status = new Status(0, null, null);

    Deadlines(
            EntityManager em,
            ChangePhase lifecycle,
            VotingPreconditions preconditions,
            Event<VotingDelayed> delayed,
            StuckProposals stuck,
            CountDiagnosis diagnosis,
            Clock clock,
            DevolveConfig config,
            MeterRegistry registry) {
        this.em = em;
        this.lifecycle = lifecycle;
        this.preconditions = preconditions;
        this.delayed = delayed;
        this.stuck = stuck;
        this.diagnosis = diagnosis;
        this.clock = clock;
        this.page = config.deadlines().pageSize();
        Gauge.builder("devolve.deadlines.stuck", stuckGauge, AtomicLong::get)
                .description("Proposals past a deadline that the scheduler fails to move on (all replicas)")
                .register(registry);
        this.failures = Counter.builder("devolve.deadlines.failures")
                .description("Transitions at a deadline that failed on this replica")
                .register(registry);
    }

    @Scheduled(
            every = "${devolve.deadlines.every}",
            delayed = "${devolve.deadlines.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "devolve-deadlines",
            skipExecutionIf = UntilMigrated.class)
    void tick() {
        runDue();
    }

    /** Advances every proposal whose deadline has passed and whose back-off is over; returns how many moved. */
    public int runDue() {
        Instant now = clock.instant();
        int moved = 0;
        Object[] after = null;
        List<Object[]> due;
        do {
            due = duePage(now, after);
            for (Object[] row : due) {
                UUID id = (UUID) row[0];
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> advance(id, now))) {
                        moved++;
                    }
                } catch (RuntimeException e) {
                    failed(id, now, e);
                }
            }
            after = due.isEmpty() ? null : due.get(due.size() - 1);
        } while (due.size() == page);
        StuckProposals.Count count = QuarkusTransaction.requiringNew().call(() -> stuck.settle(now));
        stuckGauge.set(count.stuck());
        status = new Status(count.stuck(), count.oldestSince(), now);
        return moved;
    }

    /** What the last run found, for the readiness check. */
    Status status() {
        return status;
    }

    /** A page of due proposals, oldest deadline first, after the last one of the previous page. */
    @SuppressWarnings("unchecked")
    private List<Object[]> duePage(Instant now, Object[] after) {
        String sql = """
                select p.id, p.due_at from (
                    select id,
                        case when phase = 'DELIBERATION' then deliberation_ends_at else voting_ends_at end as due_at
                    from proposal
                    where (phase = 'DELIBERATION' and deliberation_ends_at <= :now)
                       or (phase = 'VOTING' and voting_ends_at <= :now)) p
                where not exists (select 1 from deadline_failure f
                                  where f.proposal_id = p.id and f.next_attempt_at > :now)
                """ + (after == null ? "" : "and (p.due_at, p.id) > (:afterAt, :afterId)\n")
                + "order by p.due_at, p.id limit " + page;
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql).setParameter("now", now);
            if (after != null) {
                query.setParameter("afterAt", after[1]).setParameter("afterId", after[0]);
            }
            return (List<Object[]>) query.getResultList();
        });
    }

    /**
     * {@code FOR NO KEY UPDATE}: it excludes every other writer of the proposal (they lock it for update) and
     * the other replicas' schedulers, but not the key-share locks that rows referring to the proposal take
     * while they are written (a page of its notifications, a ballot), so the scheduler does not pass a
     * proposal by just because someone is writing beside it.
     */
    private boolean advance(UUID id, Instant now) {
        List<?> locked = em.createNativeQuery("select id from proposal where id = :id for no key update skip locked")
                .setParameter("id", id)
                .getResultList();
        if (locked.isEmpty()) {
            return false;
        }
        Proposal p = em.find(Proposal.class, id);
        em.refresh(p);
        Phase to = StuckProposals.dueTransition(p, now);
        if (to == Phase.VOTING) {
            long open = preconditions.openChallenges(p.id);
            if (open > 0) {
                delayed.fire(new VotingDelayed(p.id, p.circleId, p.title, open));
                return false;
            }
        }
        if (to == null) {
            return false;
        }
        lifecycle.transition(p, to, "scheduler", "DEADLINE", null);
        stuck.cleared(p.id);
        return true;
    }

    /** Records the failure (the transition itself was rolled back) and says so in the log, with the row. */
    private void failed(UUID id, Instant now, RuntimeException e) {
        failures.increment();
        CountFailure failure = CountFailure.of(e);
        StuckProposals.Recorded recorded;
        try {
            recorded = QuarkusTransaction.requiringNew().call(() -> stuck.failed(id, failure, now));
        } catch (RuntimeException recording) {
            LOG.errorf(
                    e,
                    "Proposal %s could not move on at its deadline, and the failure could not be recorded (%s)",
                    id,
                    recording.getMessage());
            return;
        }
        String row =
                failure.refusedData() ? locate(id).map(r -> "; the row: " + r).orElse("") : "";
        String message = String.format(
                "Proposal %s could not move on at its deadline (attempt %d, next at %s): %s%s",
                id,
                recorded.attempts(),
                recorded.nextAttemptAt(),
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                row);
        if (failure.refusedData()) {
            LOG.error(message);
        } else {
            LOG.error(message, e);
        }
    }

    private Optional<String> locate(UUID id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> diagnosis.offendingRow(em.find(Proposal.class, id)));
        } catch (RuntimeException e) {
            LOG.debugf(e, "Proposal %s: the row at fault could not be found", id);
            return Optional.empty();
        }
    }
}
