package org.devolve.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.events.LiveEvents;
import org.devolve.platform.events.LiveProblem;
import org.devolve.platform.events.StreamSlots;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.ViolationCode;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;

/**
 * A reader opens the live stream of a proposal they may read, resuming after the event they last got
 * ({@code Last-Event-ID}) or starting now; a member holds at most {@code devolve.live.max-streams-per-member}
 * streams at once on one replica.
 */
@ApplicationScoped
class OpenLiveStream {

    private static final int MAX_ID_DIGITS = 18;

    private final Proposals proposals;
    private final CurrentMember current;
    private final LiveEvents live;
    private final LiveStreams streams;
    private final StreamSlots slots;

    OpenLiveStream(
            Proposals proposals, CurrentMember current, LiveEvents live, LiveStreams streams, StreamSlots slots) {
        this.proposals = proposals;
        this.current = current;
        this.live = live;
        this.streams = streams;
        this.slots = slots;
    }

    /** {@code tokenExpiresAt}: when the reader's rights end (the stream ends then, TOKEN_EXPIRED). */
    Multi<OutboundSseEvent> open(String proposalRef, String lastEventId, Instant tokenExpiresAt, Sse sse) {
        Long resumeAfter = parse(lastEventId);
        LiveStreams.Reader[] reader = new LiveStreams.Reader[1];
        long latest = QuarkusTransaction.requiringNew().call(() -> {
            Proposal p = proposals.readable(proposalRef);
            reader[0] = new LiveStreams.Reader(p.id, current.id(), current.isAdmin(), tokenExpiresAt);
            return live.latest(p.id);
        });
        StreamSlots.Slot slot = slots.take(reader[0].memberId())
                .orElseThrow(() -> ProblemException.of(
                                LiveProblem.TOO_MANY_STREAMS,
                                "You have " + slots.max() + " live streams open, the most one person may "
                                        + "hold at once; close one (a browser tab) to open another")
                        .with("maxStreams", slots.max()));
        long after = resumeAfter == null ? latest : Math.min(resumeAfter, latest);
        return streams.open(reader[0], after, latest, slot, sse);
    }

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        String id = lastEventId.trim();
        if (id.length() > MAX_ID_DIGITS || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.invalid(
                    "Last-Event-ID", ViolationCode.INVALID_VALUE, "must be the id of an event of this stream");
        }
        return Long.parseLong(id);
    }
}
