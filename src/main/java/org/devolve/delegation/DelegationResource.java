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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.devolve.proposal.Phase;
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
        @Operation(summary = "My delegations", description = "Those in force that I gave and that I received: "
                + "circle delegations, and delegations for proposals not yet closed or withdrawn. A delegate does "
                + "not see who entrusted them in a secret proposal.")
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
            return views(List.of(d)).get(0);
        }

        /**
         * The delegations in force: every circle delegation, and those for proposals still open (a delegation
         * for a closed or withdrawn proposal has done its work and is history, kept in the proposal's ledger).
         */
        @Transactional
        DelegationViews.Mine mine() {
            UUID me = current.id();
            String inForce = " and d.revokedAt is null and (d.proposalId is null or exists (select 1 from Proposal p "
                    + "where p.id = d.proposalId and p.phase not in :ended%s))";
            List<Delegation> given = em.createQuery("select d from Delegation d where d.delegatorId = :me"
                    + inForce.formatted("") + " order by d.createdAt", Delegation.class)
                    .setParameter("me", me).setParameter("ended", ENDED).getResultList();
            List<Delegation> received = em.createQuery("select d from Delegation d where d.delegateId = :me"
                    + inForce.formatted(" and p.secret = false") + " order by d.createdAt", Delegation.class)
                    .setParameter("me", me).setParameter("ended", ENDED).getResultList();
            return new DelegationViews.Mine(views(given), views(received));
        }

        private static final List<Phase> ENDED = List.of(Phase.CLOSED, Phase.WITHDRAWN);

        /** Views of delegations, with the names of the people and of what each is for, read in three queries. */
        private List<DelegationViews.View> views(List<Delegation> delegations) {
            Set<UUID> people = new HashSet<>();
            Set<UUID> proposals = new HashSet<>();
            Set<UUID> circles = new HashSet<>();
            for (Delegation d : delegations) {
                people.add(d.delegatorId);
                people.add(d.delegateId);
                if (d.proposalId != null) {
                    proposals.add(d.proposalId);
                } else {
                    circles.add(d.circleId);
                }
            }
            if (delegations.isEmpty()) {
                return List.of();
            }
            Map<UUID, MemberSummary> names = Member.summaries(people);
            Map<UUID, String> scopes = new HashMap<>();
            if (!proposals.isEmpty()) {
                em.createQuery("select p.id, p.title from Proposal p where p.id in :ids", Object[].class)
                        .setParameter("ids", proposals).getResultStream()
                        .forEach(row -> scopes.put((UUID) row[0], (String) row[1]));
            }
            if (!circles.isEmpty()) {
                em.createQuery("select c.id, c.name from Circle c where c.id in :ids", Object[].class)
                        .setParameter("ids", circles).getResultStream()
                        .forEach(row -> scopes.put((UUID) row[0], (String) row[1]));
            }
            return delegations.stream().map(d -> new DelegationViews.View(d.id, names.get(d.delegatorId),
                    names.get(d.delegateId), d.circleId, d.proposalId,
                    scopes.get(d.proposalId != null ? d.proposalId : d.circleId), d.createdAt)).toList();
        }
    }
}
