package org.devolve.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.devolve.identity.Member;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.ledger.Pseudonyms;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.Proposal;
import org.devolve.tally.io.LedgerReplay;

/**
 * What the four delegation verbs share: the delegation table (one delegation in force per person and scope, the
 * earlier one revoked when a new one is set) and the ledger entry of a delegation for one proposal.
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
class DelegationBook {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final EntityManager em;
    private final Ledger ledger;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    DelegationBook(EntityManager em, Ledger ledger, Pseudonyms pseudonyms, Clock clock) {
        this.em = em;
        this.ledger = ledger;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** Refuses delegating to oneself or to someone who is not a member of Devolve. */
    void requireDelegate(UUID delegateId, UUID me) {
        if (delegateId.equals(me)) {
            throw ProblemException.invalid("delegateId", DelegationField.SELF, "you cannot delegate to yourself");
        }
        if (Member.findById(delegateId) == null) {
            throw ProblemException.invalid("delegateId", DelegationField.UNKNOWN_MEMBER, "is not a member of Devolve");
        }
    }

    /** Sets a delegation in force from now, revoking the one it replaces. */
    Delegation set(UUID me, UUID delegateId, UUID circle, UUID proposal) {
        Delegation earlier = circle != null ? active("circleId", circle, me) : active("proposalId", proposal, me);
        if (earlier != null) {
            earlier.revokedAt = clock.instant();
            em.flush(); // one delegation in force per scope (a partial unique index): the earlier one goes first
        }
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

    /** The member's delegation in force for the scope ({@code circleId} or {@code proposalId}), or null. */
    Delegation active(String scope, UUID scopeId, UUID me) {
        return Delegation.find(scope + " = ?1 and delegatorId = ?2 and revokedAt is null", scopeId, me)
                .firstResult();
    }

    void revoke(Delegation d) {
        d.revokedAt = clock.instant();
    }

    /** 256 random bits: the salt of a secret proposal's delegation commitment. */
    static String salt() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The ledger entry of a delegation for this proposal: in a public proposal, who delegates to whom; in a secret
     * one the delegator's pseudonym and {@code SHA-256(salt ‖ the delegate's pseudonym)}, which verify can check
     * against the table and nobody can join with anything.
     */
    void record(Proposal p, LedgerKind kind, Delegation d) {
        Map<String, Object> payload = new LinkedHashMap<>();
        String from;
        if (p.secret) {
            from = pseudonyms.of(p.id, d.delegatorId);
            payload.put("delegator", from);
            if (kind == LedgerKind.DELEGATION_SET) {
                payload.put("commitment", LedgerReplay.sha256(d.salt + pseudonyms.of(p.id, d.delegateId)));
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
