package org.devolve.argument;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An earlier text of an argument, kept when its author edited it. */
@Entity
@Table(name = "argument_revision")
class ArgumentRevision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "argument_id", nullable = false)
    public UUID argumentId;

    @Column(nullable = false)
    public String body;

    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;

    @Column(name = "replaced_at", nullable = false)
    public Instant replacedAt;
}
