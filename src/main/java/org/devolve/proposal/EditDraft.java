package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The author (while a member of the deciding circle) or a facilitator edits a draft's content. */
@ApplicationScoped
class EditDraft {

    private final Steerable steerable;
    private final ProposalContentWriter writer;
    private final Clock clock;

    EditDraft(Steerable steerable, ProposalContentWriter writer, Clock clock) {
        this.steerable = steerable;
        this.writer = writer;
        this.clock = clock;
    }

    @Transactional
    Proposal edit(String ref, ProposalRequests.Content content) {
        Proposal p = steerable.lock(ref, Participation.Steering.EDIT_DRAFT, "edit the proposal's content", Phase.DRAFT);
        writer.validate(content);
        writer.write(p, content, clock.instant());
        return p;
    }
}
