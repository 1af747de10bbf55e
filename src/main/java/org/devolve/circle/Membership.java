package org.devolve.circle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A member of a circle, with their role. */
@Entity
@Table(name = "membership")
@IdClass(Membership.Key.class)
class Membership extends PanacheEntityBase {

    @Id
    @Column(name = "circle_id")
    public UUID circleId;

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    /** The member's display name, kept here so that a circle's members are listed by name from this table alone. */
    @Column(name = "member_name", nullable = false)
    public String memberName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    /** The composite key, as Hibernate's {@code @IdClass} wants it: a mutable class with equals. */
    static class Key implements Serializable {
        UUID circleId;
        UUID memberId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(circleId, k.circleId) && Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(circleId, memberId);
        }
    }
}
