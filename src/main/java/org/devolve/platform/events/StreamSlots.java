package org.devolve.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.devolve.platform.config.DevolveConfig;

/**
 * The cap on concurrent live streams per member ({@code devolve.live.max-streams-per-member}). Counted per
 * replica: a stream holds its slot on the replica that serves it, for as long as it is open, so the count
 * needs no shared state and is exact there; across N replicas a member may hold up to N times the cap.
 * Gauge {@code devolve_live_streams}: the streams open on this replica.
 */
@ApplicationScoped
public class StreamSlots {

    /** A stream's place; {@link #release} gives it back (once, however often it is called). */
    public final class Slot {
        private final UUID member;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(UUID member) {
            this.member = member;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                held.computeIfPresent(member, (m, count) -> count.decrementAndGet() == 0 ? null : count);
            }
        }
    }

    private final Map<UUID, AtomicInteger> held = new ConcurrentHashMap<>();
    private final int max;

    StreamSlots(DevolveConfig config, MeterRegistry registry) {
        this.max = config.live().maxStreamsPerMember();
        Gauge.builder(
                        "devolve.live.streams",
                        held,
                        h -> h.values().stream().mapToInt(AtomicInteger::get).sum())
                .description("Live event streams open on this replica")
                .register(registry);
    }

    /** A slot for one more stream of the member, unless they hold the maximum already. */
    public Optional<Slot> take(UUID member) {
        boolean[] granted = {false};
        held.compute(member, (m, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < max) {
                c.incrementAndGet();
                granted[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        return granted[0] ? Optional.of(new Slot(member)) : Optional.empty();
    }

    /** The most streams one member may hold on this replica. */
    public int max() {
        return max;
    }
}
