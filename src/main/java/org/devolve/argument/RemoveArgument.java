package org.devolve.argument;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.events.LiveEvents;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;

/**
 * Its author removes an argument while the proposal is in deliberation or voting: it stays in its place, marked as
 * removed by its author with the time, and its text (with its earlier texts) is gone.
 */
@ApplicationScoped
class RemoveArgument {

    private final EntityManager em;
    private final Proposals proposals;
    private final CurrentMember current;
    private final LiveEvents live;
    private final Clock clock;

    RemoveArgument(EntityManager em, Proposals proposals, CurrentMember current, LiveEvents live, Clock clock) {
        this.em = em;
        this.proposals = proposals;
        this.current = current;
        this.live = live;
        this.clock = clock;
    }

    @Transactional
    void remove(String proposalRef, String argumentRef) {
        Proposal p = proposals.readable(proposalRef);
        Argument a = Arguments.find(em, p.id, argumentRef, true);
        Arguments.requireChangeable(p, a, current, "remove");
        em.createQuery("delete from ArgumentRevision r where r.argumentId = :a")
                .setParameter("a", a.id)
                .executeUpdate();
        a.body = "";
        a.removedAt = clock.instant();
        live.publish(p.id, "argument", Map.of("id", a.id.toString(), "side", a.side.name(), "removed", "true"));
    }
}
