package org.devolve.result;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.events.LiveEvents;
import org.devolve.platform.events.LiveProblem;
import org.devolve.platform.events.StreamSlots;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.PhaseChanged;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Live updates of a proposal as server-sent events ({@link LiveStreams}): {@code phase} and {@code argument}
 * as they happen, each with its number as the event id, so that a client that reconnects with
 * {@code Last-Event-ID} gets what it missed; {@code turnout} when it moves; {@code ended} when the stream
 * ends because the reader may no longer read the proposal or their token expired. A member holds at most
 * {@code devolve.live.max-streams-per-member} streams at once on one replica.
 */
@Path("/api/v1/proposals/{proposal}/events")
@Tag(name = "Results")
@Authenticated
class LiveResource {

    private static final int MAX_ID_DIGITS = 18;

    private final Proposals proposals;
    private final CurrentMember current;
    private final SecurityIdentity identity;
    private final LiveEvents live;
    private final LiveStreams streams;
    private final StreamSlots slots;

    LiveResource(Proposals proposals, CurrentMember current, SecurityIdentity identity, LiveEvents live,
            LiveStreams streams, StreamSlots slots) {
        this.proposals = proposals;
        this.current = current;
        this.identity = identity;
        this.live = live;
        this.streams = streams;
        this.slots = slots;
    }

    @GET
    @io.smallrye.common.annotation.Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live updates (server-sent events)", description = "Events `phase` and `argument` (with "
            + "ids: reconnect with `Last-Event-ID` to get every one missed, kept for `devolve.live.retention`), "
            + "`turnout` (first, and whenever it moves), `resync` (the events after `Last-Event-ID` are no longer "
            + "kept: reload the proposal) and `ended` (with a `reason`: `ACCESS_REVOKED` when the reader may no "
            + "longer read the proposal, `TOKEN_EXPIRED`: reconnect with a fresh token). Each JSON. Over "
            + "`devolve.live.max-streams-per-member` open streams of one member: 429 `TOO_MANY_STREAMS`.")
    public Multi<OutboundSseEvent> events(@PathParam("proposal") String proposal,
            @Parameter(in = ParameterIn.HEADER, description = "The id of the last event received; the stream "
                    + "starts after it") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        Long resumeAfter = parse(lastEventId);
        LiveStreams.Reader[] reader = new LiveStreams.Reader[1];
        long latest = QuarkusTransaction.requiringNew().call(() -> {
            Proposal p = proposals.readable(proposal);
            reader[0] = new LiveStreams.Reader(p.id, current.id(), current.isAdmin(), tokenExpiry());
            return live.latest(p.id);
        });
        StreamSlots.Slot slot = slots.take(reader[0].memberId()).orElseThrow(() -> ProblemException.of(
                LiveProblem.TOO_MANY_STREAMS, "You have " + slots.max() + " live streams open, the most one person may "
                        + "hold at once; close one (a browser tab) to open another").with("maxStreams", slots.max()));
        long after = resumeAfter == null ? latest : Math.min(resumeAfter, latest);
        return streams.open(reader[0], after, latest, slot, sse);
    }

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        String id = lastEventId.trim();
        if (id.length() > MAX_ID_DIGITS || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.invalid("Last-Event-ID", "INVALID_VALUE", "must be the id of an event of this stream");
        }
        return Long.parseLong(id);
    }

    private Instant tokenExpiry() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            return Instant.ofEpochSecond(token.getExpirationTime());
        }
        return Instant.MAX;
    }

    /** Announces phase changes to every replica's streams. */
    @jakarta.enterprise.context.ApplicationScoped
    static class PhasePublisher {

        private final LiveEvents live;

        PhasePublisher(LiveEvents live) {
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
}
