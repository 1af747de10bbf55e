package org.devolve.argument;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An argument in a deliberation: for, against, or another framing of the question. */
@Entity
@Table(name = "argument")
class Argument extends PanacheEntityBase {

    enum Side {
        FOR,
        AGAINST,
        OTHER
    }

    @Id
    public UUID id;

    @Column(name = "proposal_id", nullable = false)
    public UUID proposalId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When its author last edited it; null if never. */
    @Column(name = "edited_at")
    public Instant editedAt;

    /** When its author removed it (its text is then gone); null while it stands. */
    @Column(name = "removed_at")
    public Instant removedAt;
}
