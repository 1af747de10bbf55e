package org.devolve.circle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The child circle belongs to the parent circle (a city to a regional federation). */
@Entity
@Table(name = "circle_parent")
@IdClass(CircleLink.Key.class)
class CircleLink extends PanacheEntityBase {

    @Id
    @Column(name = "child_id")
    public UUID childId;

    @Id
    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    /** The composite key, as Hibernate's {@code @IdClass} wants it: a mutable class with equals. */
    static class Key implements Serializable {
        UUID childId;
        UUID parentId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(childId, k.childId) && Objects.equals(parentId, k.parentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(childId, parentId);
        }
    }
}
