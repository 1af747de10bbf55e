package org.devolve.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.ledger.Pseudonyms;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.ProposalAccess;

/**
 * Setting and revoking delegations. A delegation for a circle applies to the circle's proposals; one for a
 * proposal overrides it there. Either may be set or revoked until voting closes (for a proposal: until the
 * instant of its voting deadline, whether or not the scheduler has closed it yet); each change is written to
 * the ledger of every proposal it can affect (for a circle: its proposals in deliberation or voting), with
 * pseudonyms in secret proposals. A delegation that loops, or ends with someone who does not vote, simply
 * counts as not cast; voting yourself always overrides your delegation.
 */
@ApplicationScoped
class Delegate {

    private final EntityManager em;
    private final CircleAccess circles;
    private final ProposalAccess proposals;
    private final CurrentMember current;
    private final Ledger ledger;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    Delegate(EntityManager em, CircleAccess circles, ProposalAccess proposals, CurrentMember current, Ledger ledger,
            Pseudonyms pseudonyms, Clock clock) {
        this.em = em;
        this.circles = circles;
        this.proposals = proposals;
        this.current = current;
        this.ledger = ledger;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    @Transactional
    Delegation forCircle(String circleRef, UUID delegateId) {
        CircleSummary circle = circles.byRef(circleRef);
        UUID me = current.id();
        if (!circles.isMember(circle.id(), me)) {
            throw ProblemException.forbidden("Only members of " + circle.name() + " delegate for it");
        }
        requireDelegate(delegateId, me);
        if (!circles.isMember(circle.id(), delegateId)) {
            throw ProblemException.invalid("delegateId", "NOT_A_MEMBER", "is not a member of " + circle.name());
        }
        lockOpenProposals(circle.id());
        revokeActive("circleId", circle.id(), me);
        Delegation d = insert(me, delegateId, circle.id(), null);
        for (Proposal p : openProposals(circle.id())) {
            record(p, LedgerKind.DELEGATION_SET, me, delegateId, "circle");
        }
        return d;
    }

    @Transactional
    void revokeForCircle(String circleRef) {
        CircleSummary circle = circles.byRef(circleRef);
        UUID me = current.id();
        lockOpenProposals(circle.id());
        Delegation active = active("circleId", circle.id(), me);
        if (active == null) {
            throw ProblemException.notFound("Your delegation for " + circle.name());
        }
        active.revokedAt = clock.instant();
        for (Proposal p : openProposals(circle.id())) {
            record(p, LedgerKind.DELEGATION_REVOKED, me, active.delegateId, "circle");
        }
    }

    @Transactional
    Delegation forProposal(String proposalRef, UUID delegateId) {
        Proposal p = proposals.forParticipation(proposalRef, true);
        ProposalAccess.requirePhase(p, "delegate", Phase.DELIBERATION, Phase.VOTING);
        ProposalAccess.requireVotingNotEnded(p, clock.instant(), "delegate");
        UUID me = current.id();
        requireDelegate(delegateId, me);
        boolean delegateTakesPart = p.outsidersAllowed || circles.isMember(p.circleId, delegateId)
                || !circles.circlesOf(delegateId, proposals.affectedCircles(p.id)).isEmpty();
        if (!delegateTakesPart) {
            throw ProblemException.invalid("delegateId", "NOT_A_PARTICIPANT",
                    "does not take part in this proposal: choose a member of the deciding or an affected circle");
        }
        revokeActive("proposalId", p.id, me);
        Delegation d = insert(me, delegateId, null, p.id);
        record(p, LedgerKind.DELEGATION_SET, me, delegateId, "proposal");
        return d;
    }

    @Transactional
    void revokeForProposal(String proposalRef) {
        Proposal p = proposals.readableForUpdate(proposalRef);
        ProposalAccess.requirePhase(p, "revoke a delegation", Phase.DELIBERATION, Phase.VOTING);
        ProposalAccess.requireVotingNotEnded(p, clock.instant(), "revoke a delegation");
        UUID me = current.id();
        Delegation active = active("proposalId", p.id, me);
        if (active == null) {
            throw ProblemException.notFound("Your delegation for this proposal");
        }
        active.revokedAt = clock.instant();
        record(p, LedgerKind.DELEGATION_REVOKED, me, active.delegateId, "proposal");
    }

    private void requireDelegate(UUID delegateId, UUID me) {
        if (delegateId.equals(me)) {
            throw ProblemException.invalid("delegateId", "SELF", "you cannot delegate to yourself");
        }
        if (Member.findById(delegateId) == null) {
            throw ProblemException.invalid("delegateId", "UNKNOWN_MEMBER", "is not a member of Devolve");
        }
    }

    private Delegation insert(UUID me, UUID delegateId, UUID circle, UUID proposal) {
        Delegation d = new Delegation();
        d.id = UUID.randomUUID();
        d.delegatorId = me;
        d.delegateId = delegateId;
        d.circleId = circle;
        d.proposalId = proposal;
        d.createdAt = clock.instant();
        d.persist();
        return d;
    }

    private Delegation active(String scope, UUID scopeId, UUID me) {
        return Delegation.find(scope + " = ?1 and delegatorId = ?2 and revokedAt is null", scopeId, me).firstResult();
    }

    private void revokeActive(String scope, UUID scopeId, UUID me) {
        Delegation active = active(scope, scopeId, me);
        if (active != null) {
            active.revokedAt = clock.instant();
            em.flush();
        }
    }

    private List<Proposal> openProposals(UUID circle) {
        return em.createQuery("select p from Proposal p where p.circleId = :c and p.phase in :phases order by p.id",
                Proposal.class).setParameter("c", circle).setParameter("phases",
                        List.of(Phase.DELIBERATION, Phase.VOTING)).getResultList();
    }

    /** Takes the row locks of the circle's open proposals first, in id order, so concurrent changes queue. */
    private void lockOpenProposals(UUID circle) {
        em.createNativeQuery("select id from proposal where circle_id = :c and phase in ('DELIBERATION', 'VOTING') "
                + "order by id for update").setParameter("c", circle).getResultList();
    }

    private void record(Proposal p, LedgerKind kind, UUID delegator, UUID delegate, String scope) {
        String from = p.secret ? pseudonyms.of(p.id, delegator) : delegator.toString();
        String to = p.secret ? pseudonyms.of(p.id, delegate) : delegate.toString();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("delegator", from);
        payload.put("delegate", to);
        payload.put("scope", scope);
        ledger.append(p.id, kind, from, payload);
    }
}
