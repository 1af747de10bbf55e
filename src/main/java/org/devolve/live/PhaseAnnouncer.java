package org.devolve.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.devolve.platform.events.LiveEvents;
import org.devolve.proposal.PhaseChanged;

/** Announces phase changes to every replica's streams, in the transaction that changes the phase. */
@ApplicationScoped
class PhaseAnnouncer {

    private final LiveEvents live;

    PhaseAnnouncer(LiveEvents live) {
        this.live = live;
    }

    void onPhaseChanged(@Observes PhaseChanged change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", change.from().name());
        data.put("to", change.to().name());
        if (change.outcome() != null) {
            data.put("outcome", change.outcome());
        }
        live.publish(change.proposalId(), "phase", data);
    }
}
