package org.devolve.result;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.devolve.platform.events.LiveEvents;
import org.devolve.proposal.PhaseChanged;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.ProposalAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Live updates of a proposal as server-sent events: {@code phase} when it changes phase, {@code argument}
 * when someone argues, {@code turnout} when turnout moves (looked up every two seconds while the stream is
 * open), and a comment every 25 seconds to keep proxies from closing the connection. Phase and argument
 * events travel between replicas through PostgreSQL {@code LISTEN/NOTIFY} ({@link LiveEvents}).
 */
@Path("/api/v1/proposals/{proposal}/events")
@Tag(name = "Results")
@Authenticated
class LiveResource {

    private final ProposalAccess proposals;
    private final Turnouts turnout;
    private final LiveEvents live;

    LiveResource(ProposalAccess proposals, Turnouts turnout, LiveEvents live) {
        this.proposals = proposals;
        this.turnout = turnout;
        this.live = live;
    }

    @GET
    @io.smallrye.common.annotation.Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live updates (server-sent events)", description = "Events `phase`, `argument` and "
            + "`turnout`, each with a JSON body; the first event is the current turnout.")
    public Multi<OutboundSseEvent> events(@PathParam("proposal") String proposal, @Context Sse sse) {
        UUID id = QuarkusTransaction.requiringNew().call(() -> proposals.readable(proposal).id);
        Multi<OutboundSseEvent> changes = live.of(id)
                .map(e -> event(sse, e.type(), e.data().encode()));
        Multi<OutboundSseEvent> turnouts = Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1))
                .every(Duration.ofSeconds(2))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> QuarkusTransaction.requiringNew().call(() -> {
                    Proposal p = Proposal.findById(id);
                    return JsonObject.mapFrom(turnout.of(p)).encode();
                }))
                .skip().repetitions()
                .map(body -> event(sse, "turnout", body));
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(Duration.ofSeconds(25))
                .map(tick -> sse.newEventBuilder().comment("keep-alive").data("").build());
        return Multi.createBy().merging().streams(changes, turnouts, keepAlive);
    }

    private static OutboundSseEvent event(Sse sse, String name, String json) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(json).build();
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
