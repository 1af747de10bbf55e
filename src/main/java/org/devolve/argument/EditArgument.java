package org.devolve.argument;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.events.LiveEvents;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;

/**
 * Its author edits an argument while the proposal is in deliberation or voting; the text it replaces is kept, so
 * that readers see it was edited and what it said before.
 */
@ApplicationScoped
class EditArgument {

    private final EntityManager em;
    private final Proposals proposals;
    private final CurrentMember current;
    private final LiveEvents live;
    private final Clock clock;

    EditArgument(EntityManager em, Proposals proposals, CurrentMember current, LiveEvents live, Clock clock) {
        this.em = em;
        this.proposals = proposals;
        this.current = current;
        this.live = live;
        this.clock = clock;
    }

    @Transactional
    Argument edit(String proposalRef, String argumentRef, ArgumentViews.Edit edit) {
        Proposal p = proposals.readable(proposalRef);
        Argument a = Arguments.find(em, p.id, argumentRef, true);
        Arguments.requireChangeable(p, a, current, "edit");
        String body = edit.body().trim();
        if (body.equals(a.body)) {
            return a;
        }
        Instant now = clock.instant();
        ArgumentRevision r = new ArgumentRevision();
        r.id = UUID.randomUUID();
        r.argumentId = a.id;
        r.body = a.body;
        r.writtenAt = a.editedAt == null ? a.createdAt : a.editedAt;
        r.replacedAt = now;
        r.persist();
        a.body = body;
        a.editedAt = now;
        live.publish(p.id, "argument", Map.of("id", a.id.toString(), "side", a.side.name(), "edited", "true"));
        return a;
    }
}
