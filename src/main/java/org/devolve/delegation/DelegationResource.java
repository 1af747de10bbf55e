package org.devolve.delegation;

import io.quarkus.security.Authenticated;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Delegations: for a circle, for a proposal, and mine. */
final class DelegationResource {

    private DelegationResource() {
    }

    @Path("/api/v1/circles/{circle}/delegation")
    @Tag(name = "Delegation")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    static class ForCircle {

        private final Delegate delegate;
        private final Views views;

        ForCircle(Delegate delegate, Views views) {
            this.delegate = delegate;
            this.views = views;
        }

        @PUT
        @Operation(summary = "Delegate for a circle", description = "My judgement (never my stake) follows the "
                + "delegate's ballot in the circle's proposals where I declare a stake and do not vote myself.")
        public DelegationViews.View set(@PathParam("circle") String circle, @Valid @NotNull DelegationViews.Set body) {
            return views.view(delegate.forCircle(circle, body.delegateId()));
        }

        @DELETE
        @Operation(summary = "Revoke my delegation for a circle")
        @APIResponse(responseCode = "204", description = "Revoked")
        public void revoke(@PathParam("circle") String circle) {
            delegate.revokeForCircle(circle);
        }
    }

    @Path("/api/v1/proposals/{proposal}/delegation")
    @Tag(name = "Delegation")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    static class ForProposal {

        private final Delegate delegate;
        private final Views views;

        ForProposal(Delegate delegate, Views views) {
            this.delegate = delegate;
            this.views = views;
        }

        @PUT
        @Operation(summary = "Delegate for one proposal", description = "Overrides a delegation for its circle. "
                + "Until voting closes.")
        public DelegationViews.View set(@PathParam("proposal") String proposal,
                @Valid @NotNull DelegationViews.Set body) {
            return views.view(delegate.forProposal(proposal, body.delegateId()));
        }

        @DELETE
        @Operation(summary = "Revoke my delegation for a proposal")
        @APIResponse(responseCode = "204", description = "Revoked")
        public void revoke(@PathParam("proposal") String proposal) {
            delegate.revokeForProposal(proposal);
        }
    }

    @Path("/api/v1/me/delegations")
    @Tag(name = "Delegation")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    static class Mine {

        private final Views views;

        Mine(Views views) {
            this.views = views;
        }

        @GET
        @Operation(summary = "My delegations", description = "Those I gave and those I received; a delegate does not "
                + "see who entrusted them in a secret proposal.")
        public DelegationViews.Mine mine() {
            return views.mine();
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class Views {

        private final EntityManager em;
        private final CurrentMember current;

        Views(EntityManager em, CurrentMember current) {
            this.em = em;
            this.current = current;
        }

        @Transactional
        DelegationViews.View view(Delegation d) {
            Map<UUID, MemberSummary> names = names(Set.of(d.delegatorId, d.delegateId));
            return view(d, names);
        }

        @Transactional
        DelegationViews.Mine mine() {
            UUID me = current.id();
            List<Delegation> given = Delegation.list("delegatorId = ?1 and revokedAt is null order by createdAt", me);
            List<Delegation> received = em.createQuery("select d from Delegation d where d.delegateId = :me "
                    + "and d.revokedAt is null and (d.proposalId is null or exists (select 1 from Proposal p "
                    + "where p.id = d.proposalId and p.secret = false)) order by d.createdAt", Delegation.class)
                    .setParameter("me", me).getResultList();
            Set<UUID> people = new HashSet<>();
            given.forEach(d -> people.add(d.delegateId));
            received.forEach(d -> people.add(d.delegatorId));
            people.add(me);
            Map<UUID, MemberSummary> names = names(people);
            return new DelegationViews.Mine(given.stream().map(d -> view(d, names)).toList(),
                    received.stream().map(d -> view(d, names)).toList());
        }

        private static DelegationViews.View view(Delegation d, Map<UUID, MemberSummary> names) {
            return new DelegationViews.View(d.id, names.get(d.delegatorId), names.get(d.delegateId), d.circleId,
                    d.proposalId, d.createdAt);
        }

        private Map<UUID, MemberSummary> names(Set<UUID> ids) {
            return em.createQuery("select m from Member m where m.id in :ids", Member.class).setParameter("ids", ids)
                    .getResultStream().collect(Collectors.toMap(m -> m.id, Member::summary));
        }
    }
}
