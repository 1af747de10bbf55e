package org.devolve.stake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.devolve.proposal.LateDeclarations;

/**
 * When voting opens, marks the declarations made or raised within the challenge window before it: nobody had the
 * window's time to challenge them (a facilitator opened voting early, or moved the deadline closer). A level 0
 * carries no weight and is never late. Runs under the proposal's row lock, in the transition's transaction.
 */
@ApplicationScoped
class MarkLateDeclarations implements LateDeclarations {

    private final EntityManager em;

    MarkLateDeclarations(EntityManager em) {
        this.em = em;
    }

    @Override
    public long markLate(UUID proposalId, Instant since) {
        em.flush();
        return em.createQuery("update Stake s set s.late = true where s.proposalId = :p and s.level > 0 "
                        + "and s.raisedAt > :since")
                .setParameter("p", proposalId)
                .setParameter("since", since)
                .executeUpdate();
    }
}
