package org.devolve.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.devolve.proposal.Proposals;

/** Reading delegations: one as set, and mine (given and received). */
@ApplicationScoped
class DelegationQueries {

    private final EntityManager em;
    private final CurrentMember current;
    private final Proposals proposals;
    private final CircleAccess circles;

    DelegationQueries(EntityManager em, CurrentMember current, Proposals proposals, CircleAccess circles) {
        this.em = em;
        this.current = current;
        this.proposals = proposals;
        this.circles = circles;
    }

    @Transactional
    DelegationViews.View view(Delegation d) {
        return views(List.of(d), proposals.briefs(d.proposalId == null ? Set.of() : Set.of(d.proposalId)))
                .get(0);
    }

    /**
     * The delegations in force: every circle delegation, and those for proposals still open (a delegation for a
     * closed or withdrawn proposal has done its work and is history, kept in the proposal's ledger). A delegate
     * does not see who entrusted them in a secret proposal.
     */
    @Transactional
    DelegationViews.Mine mine() {
        UUID me = current.id();
        List<Delegation> given = unrevoked("d.delegatorId = :me", me);
        List<Delegation> received = unrevoked("d.delegateId = :me", me);
        Set<UUID> proposalIds = new HashSet<>();
        given.forEach(d -> addProposal(d, proposalIds));
        received.forEach(d -> addProposal(d, proposalIds));
        Map<UUID, Proposals.Brief> briefs = proposals.briefs(proposalIds);
        List<Delegation> givenInForce =
                given.stream().filter(d -> inForce(d, briefs, false)).toList();
        List<Delegation> receivedInForce =
                received.stream().filter(d -> inForce(d, briefs, true)).toList();
        return new DelegationViews.Mine(views(givenInForce, briefs), views(receivedInForce, briefs));
    }

    private List<Delegation> unrevoked(String who, UUID me) {
        return em.createQuery(
                        "select d from Delegation d where " + who + " and d.revokedAt is null "
                                + "order by d.createdAt, d.id",
                        Delegation.class)
                .setParameter("me", me)
                .getResultList();
    }

    private static void addProposal(Delegation d, Set<UUID> ids) {
        if (d.proposalId != null) {
            ids.add(d.proposalId);
        }
    }

    private static boolean inForce(Delegation d, Map<UUID, Proposals.Brief> briefs, boolean received) {
        if (d.proposalId == null) {
            return true;
        }
        Proposals.Brief p = briefs.get(d.proposalId);
        return p != null && !p.phase().isOver() && !(received && p.secret());
    }

    /** Views of delegations, with the names of the people and of what each is for. */
    private List<DelegationViews.View> views(List<Delegation> delegations, Map<UUID, Proposals.Brief> briefs) {
        if (delegations.isEmpty()) {
            return List.of();
        }
        Set<UUID> people = new HashSet<>();
        Set<UUID> circleIds = new HashSet<>();
        for (Delegation d : delegations) {
            people.add(d.delegatorId);
            people.add(d.delegateId);
            if (d.proposalId == null) {
                circleIds.add(d.circleId);
            }
        }
        Map<UUID, MemberSummary> names = Member.summaries(people);
        Map<UUID, String> scopes = new HashMap<>();
        briefs.values().forEach(b -> scopes.put(b.id(), b.title()));
        circles.summaries(circleIds).forEach(c -> scopes.put(c.id(), c.name()));
        return delegations.stream()
                .map(d -> new DelegationViews.View(
                        d.id,
                        names.get(d.delegatorId),
                        names.get(d.delegateId),
                        d.circleId,
                        d.proposalId,
                        scopes.get(d.proposalId != null ? d.proposalId : d.circleId),
                        d.createdAt))
                .toList();
    }
}
