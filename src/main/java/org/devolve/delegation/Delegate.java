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
 * instant of its voting deadline, whether or not the scheduler has closed it yet). A delegation that loops, or ends with someone who does not vote, simply counts as
 * not cast; voting yourself always overrides your delegation.
 *
 * <p>What the ledgers record: a delegation for one proposal is an entry of that proposal's ledger when it is set
 * or revoked — naming delegator and delegate in a public proposal; in a secret one naming the delegator by their
 * pseudonym and the delegate only by a salted commitment, so that the entry joins with nothing. A delegation for
 * a circle is the circle's: it is kept (with when it was set and revoked) in the delegation table, and each
 * proposal's close publishes the delegations as they stood then in its tally document, whose SHA-256 the close's
 * entry holds. It is not written into every open proposal's ledger at each change: that would let anyone pair a
 * public proposal's entry with a secret one's written in the same instant, and a member toggling a delegation
 * could flood every ledger of the circle.
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
        revokeActive("circleId", circle.id(), me);
        return insert(me, delegateId, circle.id(), null);
    }

    @Transactional
    void revokeForCircle(String circleRef) {
        CircleSummary circle = circles.byRef(circleRef);
        UUID me = current.id();
        Delegation active = active("circleId", circle.id(), me);
        if (active == null) {
            throw ProblemException.notFound("Your delegation for " + circle.name());
        }
        active.revokedAt = clock.instant();
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
        if (p.secret) {
            d.salt = salt();
        }
        record(p, LedgerKind.DELEGATION_SET, d);
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
        record(p, LedgerKind.DELEGATION_REVOKED, active);
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

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String salt() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /**
     * The ledger entry of a delegation for this proposal: in a public proposal, who delegates to whom; in a secret
     * one the delegator's pseudonym and {@code SHA-256(salt ‖ the delegate's pseudonym)}, which verify can check
     * against the table and nobody can join with anything.
     */
    private void record(Proposal p, LedgerKind kind, Delegation d) {
        Map<String, Object> payload = new LinkedHashMap<>();
        String from;
        if (p.secret) {
            from = pseudonyms.of(p.id, d.delegatorId);
            payload.put("delegator", from);
            if (kind == LedgerKind.DELEGATION_SET) {
                payload.put("commitment", org.devolve.tally.io.LedgerReplay.sha256(d.salt
                        + pseudonyms.of(p.id, d.delegateId)));
            }
        } else {
            from = d.delegatorId.toString();
            payload.put("delegator", from);
            payload.put("delegate", d.delegateId.toString());
        }
        payload.put("scope", "proposal");
        ledger.append(p.id, kind, from, payload);
    }
}
