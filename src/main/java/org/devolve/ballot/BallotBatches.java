package org.devolve.ballot;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.devolve.platform.config.DevolveConfig;

/**
 * Group commit: ballots of one proposal that arrive while its previous batch is being written are written
 * together, under one acquisition of the proposal's lock and in one transaction ({@link RecordBallots}), so that the
 * lock's cost is shared and throughput on one proposal grows with load instead of queueing.
 *
 * <p>Each proposal has a queue and at most one drainer at a time (a task on this replica's pool). A request puts its
 * ballot in the queue, starts the drainer if none runs, and waits for its outcome. The drainer takes what the queue
 * holds (up to {@code devolve.ballots.max-batch}), in arrival order, writes it, commits, answers each request, and
 * goes on until the queue is empty: there is no timer and no waiting for a batch to fill; a ballot alone is written
 * at once, and the batch is whatever arrived during the previous commit. A request is answered only after the
 * commit of its batch (acknowledged means durable); if the transaction fails, every ballot of the batch fails with
 * it and none is acknowledged. Replicas each batch their own requests; the proposal's row lock, taken per batch,
 * orders the batches of all replicas.
 *
 * <p>Hand-written because what it coordinates is one database transaction per proposal: no library we use batches
 * callers into a caller-supplied transaction.
 */
@ApplicationScoped
class BallotBatches {

    private record Pending(Intent intent, CompletableFuture<CastBallot.Cast> answer) {}

    private static final class Queue {
        final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
    }

    private final Map<UUID, Queue> queues = new ConcurrentHashMap<>();
    private final RecordBallots record;
    private final int maxBatch;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService drainers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ballot-batch-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    BallotBatches(RecordBallots record, DevolveConfig config) {
        this.record = record;
        this.maxBatch = Math.max(1, config.ballots().maxBatch());
    }

    /** Writes the ballot with whatever else of its proposal is waiting, and answers once that is committed. */
    CastBallot.Cast submit(Intent intent) {
        Pending mine = new Pending(intent, new CompletableFuture<>());
        // added inside compute, so that a drainer that finds its queue empty and removes it (below) cannot remove it
        // between this ballot's lookup and its add: the ballot is then in a queue the map holds, or in a new one
        Queue queue = queues.compute(intent.proposalId(), (id, q) -> {
            Queue in = q == null ? new Queue() : q;
            in.pending.add(mine);
            return in;
        });
        if (queue.draining.compareAndSet(false, true)) {
            try {
                drainers.execute(() -> drain(intent.proposalId(), queue));
            } catch (RejectedExecutionException shuttingDown) {
                queue.draining.set(false);
                for (Pending p; (p = queue.pending.poll()) != null; ) {
                    p.answer.completeExceptionally(shuttingDown);
                }
            }
        }
        try {
            return mine.answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the ballot was being written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void drain(UUID proposalId, Queue queue) {
        while (true) {
            List<Pending> batch = new ArrayList<>();
            for (Pending p; batch.size() < maxBatch && (p = queue.pending.poll()) != null; ) {
                batch.add(p);
            }
            if (batch.isEmpty()) {
                queue.draining.set(false);
                // A ballot queued after the poll above but before the flag fell found a drainer running and did not
                // start one: look again, and go on unless another drainer has started meanwhile.
                if (queue.pending.isEmpty() || !queue.draining.compareAndSet(false, true)) {
                    // an idle proposal keeps no queue: the map holds only the proposals being voted on right now
                    queues.computeIfPresent(
                            proposalId, (id, q) -> q == queue && q.pending.isEmpty() && !q.draining.get() ? null : q);
                    return;
                }
                continue;
            }
            write(proposalId, batch);
        }
    }

    private void write(UUID proposalId, List<Pending> batch) {
        List<RecordBallots.Outcome> outcomes;
        try {
            outcomes = record.record(
                    proposalId, batch.stream().map(Pending::intent).toList());
        } catch (RuntimeException | Error failed) {
            for (Pending p : batch) {
                p.answer.completeExceptionally(failed); // nothing of the batch was committed
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            RecordBallots.Outcome o = outcomes.get(i);
            if (o.refused() != null) {
                batch.get(i).answer.completeExceptionally(o.refused());
            } else {
                batch.get(i).answer.complete(o.cast());
            }
        }
    }

    /** How many proposals have a queue: those with ballots waiting or being written (a test's view). */
    int queues() {
        return queues.size();
    }

    @PreDestroy
    void stop() {
        drainers.shutdown();
    }
}
