package org.devolve.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.devolve.platform.events.LiveEvents;
import org.devolve.platform.events.StreamSlots;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.ProposalPolicy;
import org.devolve.proposal.Proposals;
import org.devolve.result.Results;
import org.jboss.logging.Logger;

/**
 * The live streams open on this replica, each following one proposal for one reader.
 *
 * <p>A stream reads the proposal's kept events after the last one it sent, whenever {@link LiveEvents}
 * wakes it (a notification, or the LISTEN connection back after a failure), and sends them with their
 * numbers as ids. Every {@code devolve.live.refresh-every} it re-checks that its reader may still read the
 * proposal (as they are now: a member removed from the circle, or a proposal that became unreadable, ends
 * the stream with an {@code ended} event) and sends the turnout when it moved. Before it sends any event it
 * has re-checked the reader's rights in the same transaction. A stream also ends when the reader's token
 * expires; the client reconnects with a fresh token and {@code Last-Event-ID}, and misses nothing.
 */
@ApplicationScoped
class LiveStreams {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class);
    private static final int BATCH = 100;
    private static final int BUFFER = 1_024;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(25);

    /** Who reads which proposal, with the rights of their token, until it expires. */
    record Reader(UUID proposalId, UUID memberId, boolean admin, Instant tokenExpiresAt) {}

    private final LiveEvents live;
    private final Proposals proposals;
    private final ProposalPolicy policy;
    private final Results results;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    LiveStreams(LiveEvents live, Proposals proposals, ProposalPolicy policy, Results results) {
        this.live = live;
        this.proposals = proposals;
        this.policy = policy;
        this.results = results;
    }

    /**
     * The stream of one reader, starting after event {@code after} (what the client last got, or the latest
     * event when it got none); {@code latest} is the proposal's last event when the stream opened. The slot
     * is given back when the stream ends, however it ends.
     */
    Multi<OutboundSseEvent> open(Reader reader, long after, long latest, StreamSlots.Slot slot, Sse sse) {
        return Multi.createFrom()
                .<OutboundSseEvent>emitter(
                        emitter -> new Stream(reader, after, latest, slot, sse, emitter).start(), BUFFER);
    }

    @Scheduled(
            every = "${devolve.live.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "devolve-live-refresh")
    void refresh() {
        open.forEach(Stream::refresh);
    }

    private final class Stream {

        private final Reader reader;
        private final long latestAtOpen;
        private final StreamSlots.Slot slot;
        private final Sse sse;
        private final MultiEmitter<? super OutboundSseEvent> out;
        private final AtomicBoolean eventsDue = new AtomicBoolean(true);
        private final AtomicBoolean refreshDue = new AtomicBoolean(true);
        private final AtomicBoolean running = new AtomicBoolean();
        private volatile boolean ended;
        private volatile boolean retryEvents;
        private LiveEvents.Subscription subscription;
        private long lastSeq;
        private boolean first = true;
        private String lastTurnout;
        private long lastSentAt = System.nanoTime();

        Stream(
                Reader reader,
                long after,
                long latest,
                StreamSlots.Slot slot,
                Sse sse,
                MultiEmitter<? super OutboundSseEvent> out) {
            this.reader = reader;
            this.lastSeq = after;
            this.latestAtOpen = latest;
            this.slot = slot;
            this.sse = sse;
            this.out = out;
        }

        void start() {
            out.onTermination(this::end);
            open.add(this);
            subscription = live.subscribe(reader.proposalId(), this::wake);
            schedule();
        }

        void wake() {
            eventsDue.set(true);
            schedule();
        }

        void refresh() {
            if (retryEvents) {
                retryEvents = false;
                eventsDue.set(true);
            }
            refreshDue.set(true);
            schedule();
        }

        private void schedule() {
            if (!ended && running.compareAndSet(false, true)) {
                Infrastructure.getDefaultWorkerPool().execute(this::run);
            }
        }

        /** One worker at a time per stream: what is due is done in order, then the stream waits again. */
        private void run() {
            try {
                while (!ended && (eventsDue.get() || refreshDue.get())) {
                    if (!step()) {
                        break;
                    }
                }
            } finally {
                running.set(false);
            }
            if (!ended && !retryEvents && (eventsDue.get() || refreshDue.get())) {
                schedule(); // woken between the last check and letting go
            }
        }

        /** Sends what is due; false when reading failed (the next refresh tries again). */
        private boolean step() {
            boolean events = eventsDue.getAndSet(false);
            boolean refreshing = refreshDue.getAndSet(false);
            if (Instant.now().isAfter(reader.tokenExpiresAt())) {
                finish("TOKEN_EXPIRED");
                return true;
            }
            Read read;
            try {
                read = QuarkusTransaction.requiringNew().call(() -> read(events));
            } catch (RuntimeException e) {
                LOG.debugf(
                        e,
                        "Live stream of proposal %s: reading failed; tried again at the next refresh",
                        reader.proposalId());
                retryEvents = retryEvents || events;
                return false;
            }
            if (read == null) {
                finish("ACCESS_REVOKED");
                return true;
            }
            send(read.events());
            if (refreshing || read.events().stream().anyMatch(e -> e.type().equals("phase"))) {
                sendTurnout();
            }
            if (System.nanoTime() - lastSentAt > KEEP_ALIVE.toNanos()) {
                emit(sse.newEventBuilder().comment("keep-alive").data("").build());
            }
            return true;
        }

        /** The reader's rights re-checked, then the events after the last one sent; null when not readable. */
        private Read read(boolean events) {
            Proposal p = Proposal.findById(reader.proposalId());
            if (p == null
                    || !policy.participation(p, reader.memberId(), reader.admin())
                            .canRead()) {
                return null;
            }
            return new Read(events ? live.after(p.id, lastSeq, BATCH) : List.of());
        }

        private void send(List<LiveEvents.Event> events) {
            boolean missed = !events.isEmpty() ? events.get(0).seq() > lastSeq + 1 : first && lastSeq < latestAtOpen;
            if (missed) {
                // what the client asked to resume from is older than the events kept
                long to = events.isEmpty() ? latestAtOpen : events.get(0).seq() - 1;
                emit(event(
                        Long.toString(to),
                        "resync",
                        new JsonObject(Map.of("missedFrom", lastSeq + 1, "missedTo", to)).encode()));
                lastSeq = to;
            }
            first = false;
            for (LiveEvents.Event e : events) {
                emit(event(Long.toString(e.seq()), e.type(), e.data()));
                lastSeq = e.seq();
            }
            if (events.size() == BATCH) {
                eventsDue.set(true);
            }
        }

        private void sendTurnout() {
            try {
                String now = QuarkusTransaction.requiringNew().call(() -> {
                    Proposal p = Proposal.findById(reader.proposalId());
                    return JsonObject.mapFrom(results.turnout(p)).encode();
                });
                String compared = new JsonObject(now).put("at", (String) null).encode();
                if (!compared.equals(lastTurnout)) {
                    lastTurnout = compared;
                    emit(event(null, "turnout", now));
                }
            } catch (RuntimeException e) {
                LOG.debugf("Live stream of proposal %s: no turnout (%s)", reader.proposalId(), e.getMessage());
            }
        }

        private void finish(String reason) {
            emit(event(null, "ended", new JsonObject().put("reason", reason).encode()));
            out.complete();
            end();
        }

        private void emit(OutboundSseEvent event) {
            if (!ended) {
                out.emit(event);
                lastSentAt = System.nanoTime();
            }
        }

        private OutboundSseEvent event(String id, String name, String json) {
            var builder = sse.newEventBuilder()
                    .name(name)
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(json);
            return (id == null ? builder : builder.id(id)).build();
        }

        private void end() {
            if (!ended) {
                ended = true;
                open.remove(this);
                if (subscription != null) {
                    subscription.close();
                }
                slot.release();
            }
        }
    }

    private record Read(List<LiveEvents.Event> events) {}
}
