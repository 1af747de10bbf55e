package org.devolve.testing;

import io.quarkus.arc.Arc;
import org.devolve.platform.outbox.OutboxWorker;

/**
 * What a change leaves for later (notifications of a phase change, ...) is done by the outbox worker after
 * the change commits. Tests that look at its effects have it done first, without waiting for a tick:
 * {@code Outboxes.drain()}.
 */
public final class Outboxes {

    private Outboxes() {}

    /** Does every outbox message that is due now; returns the steps taken. */
    public static int drain() {
        return Arc.container().instance(OutboxWorker.class).get().drain();
    }
}
