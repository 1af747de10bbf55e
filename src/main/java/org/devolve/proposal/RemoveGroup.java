package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.web.Ids;

/** An affected group leaves a draft (once open, groups are part of the decision's record and stay). */
@ApplicationScoped
class RemoveGroup {

    private final Steerable steerable;

    RemoveGroup(Steerable steerable) {
        this.steerable = steerable;
    }

    @Transactional
    void remove(String ref, String groupId) {
        Proposal p = steerable.lock(ref, Participation.Steering.EDIT_DRAFT, "remove an affected group", Phase.DRAFT);
        long removed = AffectedGroup.delete(
                "proposalId = ?1 and id = ?2", p.id, Ids.parse(groupId).orElse(null));
        if (removed == 0) {
            throw ProblemException.notFound("Affected group " + groupId);
        }
    }
}
