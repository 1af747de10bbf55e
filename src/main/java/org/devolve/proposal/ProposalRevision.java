package org.devolve.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One correction of a proposal's wording after it opened: who, when, why, and each changed field's text before and
 * after ({@code changes}: a JSON array of {@code {field, before, after}}).
 */
@Entity
@Table(name = "proposal_revision")
class ProposalRevision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "proposal_id", nullable = false)
    public UUID proposalId;

    @Column(nullable = false)
    public int revision;

    @Column(name = "editor_id", nullable = false)
    public UUID editorId;

    @Column(name = "edited_at", nullable = false)
    public Instant editedAt;

    @Column(nullable = false)
    public String note;

    @Column(nullable = false)
    public String changes;

    static int count(UUID proposalId) {
        return (int) count("proposalId", proposalId);
    }
}
