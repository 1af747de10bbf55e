package org.devolve.delegation;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Delegations: for a circle, for a proposal, and mine. */
final class DelegationResource {

    private DelegationResource() {}

    @Path("/api/v1/circles/{circle}/delegation")
    @Tag(name = "Delegation")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    static class ForCircle {

        private final DelegateForCircle delegate;
        private final RevokeCircleDelegation revoke;
        private final DelegationQueries views;

        ForCircle(DelegateForCircle delegate, RevokeCircleDelegation revoke, DelegationQueries views) {
            this.delegate = delegate;
            this.revoke = revoke;
            this.views = views;
        }

        @PUT
        @Operation(
                summary = "Delegate for a circle",
                description = "My judgement (never my stake) follows the "
                        + "delegate's ballot in the circle's proposals where I declare a stake and do not vote myself.")
        public DelegationViews.View set(@PathParam("circle") String circle, @Valid @NotNull DelegationViews.Set body) {
            return views.view(delegate.delegate(circle, body.delegateId()));
        }

        @DELETE
        @Operation(summary = "Revoke my delegation for a circle")
        @APIResponse(responseCode = "204", description = "Revoked")
        public void revoke(@PathParam("circle") String circle) {
            revoke.revoke(circle);
        }
    }

    @Path("/api/v1/proposals/{proposal}/delegation")
    @Tag(name = "Delegation")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    static class ForProposal {

        private final DelegateForProposal delegate;
        private final RevokeProposalDelegation revoke;
        private final DelegationQueries views;

        ForProposal(DelegateForProposal delegate, RevokeProposalDelegation revoke, DelegationQueries views) {
            this.delegate = delegate;
            this.revoke = revoke;
            this.views = views;
        }

        @PUT
        @Operation(
                summary = "Delegate for one proposal",
                description = "Overrides a delegation for its circle. " + "Until voting closes.")
        public DelegationViews.View set(
                @PathParam("proposal") String proposal, @Valid @NotNull DelegationViews.Set body) {
            return views.view(delegate.delegate(proposal, body.delegateId()));
        }

        @DELETE
        @Operation(summary = "Revoke my delegation for a proposal")
        @APIResponse(responseCode = "204", description = "Revoked")
        public void revoke(@PathParam("proposal") String proposal) {
            revoke.revoke(proposal);
        }
    }

    @Path("/api/v1/me/delegations")
    @Tag(name = "Delegation")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    static class Mine {

        private final DelegationQueries views;

        Mine(DelegationQueries views) {
            this.views = views;
        }

        @GET
        @Operation(
                summary = "My delegations",
                description = "Those in force that I gave and that I received: "
                        + "circle delegations, and delegations for proposals not yet closed or withdrawn. A delegate does "
                        + "not see who entrusted them in a secret proposal.")
        public DelegationViews.Mine mine() {
            return views.mine();
        }
    }
}
