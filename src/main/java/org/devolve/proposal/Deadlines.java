package org.devolve.proposal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devolve.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Moves proposals on at their deadlines: deliberation ends → voting opens; voting ends → the proposal
 * closes and is counted.
 *
 * <p>Safe with several replicas: each proposal is advanced in a transaction of its own that first takes
 * the proposal's row lock with {@code SKIP LOCKED} and re-reads its phase, so a proposal that another
 * replica is already advancing is skipped, and a transition never happens twice. Voting does not open
 * while stake challenges are open: the proposal waits in deliberation, and its facilitators are told.
 */
@ApplicationScoped
public class Deadlines {

    private static final Logger LOG = Logger.getLogger(Deadlines.class);
    private static final int BATCH = 100;

    private final EntityManager em;
    private final ChangePhase lifecycle;
    private final VotingPreconditions preconditions;
    private final jakarta.enterprise.event.Event<VotingDelayed> delayed;
    private final Clock clock;

    Deadlines(EntityManager em, ChangePhase lifecycle, VotingPreconditions preconditions,
            jakarta.enterprise.event.Event<VotingDelayed> delayed, Clock clock) {
        this.em = em;
        this.lifecycle = lifecycle;
        this.preconditions = preconditions;
        this.delayed = delayed;
        this.clock = clock;
    }

    @Scheduled(every = "${devolve.deadlines.every}", delayed = "${devolve.deadlines.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "devolve-deadlines")
    void tick() {
        runDue();
    }

    /** Advances every proposal whose deadline has passed; returns how many moved. */
    public int runDue() {
        Instant now = clock.instant();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select p.id from Proposal p where (p.phase = :deliberation and p.deliberationEndsAt <= :now) "
                        + "or (p.phase = :voting and p.votingEndsAt <= :now) order by p.id", UUID.class)
                .setParameter("deliberation", Phase.DELIBERATION).setParameter("voting", Phase.VOTING)
                .setParameter("now", now).setMaxResults(BATCH).getResultList());
        int moved = 0;
        for (UUID id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> advance(id, now))) {
                    moved++;
                }
            } catch (ProblemException refused) {
                LOG.infof("Proposal %s was not advanced at its deadline: %s", id, refused.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Proposal %s could not be advanced at its deadline", id);
            }
        }
        return moved;
    }

    private boolean advance(UUID id, Instant now) {
        List<?> locked = em.createNativeQuery("select id from proposal where id = :id for update skip locked")
                .setParameter("id", id).getResultList();
        if (locked.isEmpty()) {
            return false;
        }
        Proposal p = em.find(Proposal.class, id);
        em.refresh(p);
        if (p.phase == Phase.DELIBERATION && p.deliberationEndsAt != null && !p.deliberationEndsAt.isAfter(now)) {
            long open = preconditions.openChallenges(p.id);
            if (open > 0) {
                delayed.fire(new VotingDelayed(p.id, p.circleId, p.title, open));
                return false;
            }
            lifecycle.transition(p, Phase.VOTING, "scheduler", "DEADLINE", null);
            return true;
        }
        if (p.phase == Phase.VOTING && p.votingEndsAt != null && !p.votingEndsAt.isAfter(now)) {
            lifecycle.transition(p, Phase.CLOSED, "scheduler", "DEADLINE", null);
            return true;
        }
        return false;
    }
}
