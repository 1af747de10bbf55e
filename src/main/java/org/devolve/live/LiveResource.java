package org.devolve.live;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
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

    private final OpenLiveStream opener;
    private final SecurityIdentity identity;

    LiveResource(OpenLiveStream opener, SecurityIdentity identity) {
        this.opener = opener;
        this.identity = identity;
    }

    @GET
    @io.smallrye.common.annotation.Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Live updates (server-sent events)",
            description = "Events `phase` and `argument` (with "
                    + "ids: reconnect with `Last-Event-ID` to get every one missed, kept for `devolve.live.retention`), "
                    + "`turnout` (first, and whenever it moves), `resync` (the events after `Last-Event-ID` are no longer "
                    + "kept: reload the proposal) and `ended` (with a `reason`: `ACCESS_REVOKED` when the reader may no "
                    + "longer read the proposal, `TOKEN_EXPIRED`: reconnect with a fresh token). Each JSON. Over "
                    + "`devolve.live.max-streams-per-member` open streams of one member: 429 `TOO_MANY_STREAMS`.")
    public Multi<OutboundSseEvent> events(
            @PathParam("proposal") String proposal,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "The id of the last event received; the stream " + "starts after it")
                    @HeaderParam("Last-Event-ID")
                    String lastEventId,
            @Context Sse sse) {
        return opener.open(proposal, lastEventId, tokenExpiry(), sse);
    }

    private Instant tokenExpiry() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            return Instant.ofEpochSecond(token.getExpirationTime());
        }
        return Instant.MAX;
    }
}
