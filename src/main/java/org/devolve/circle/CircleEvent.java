package org.devolve.circle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a circle's history: someone joined, changed role, was removed or left, and who did it. Written
 * in the transaction of the change, under the circle's row lock, so the order of the lines is the order of
 * the changes. Never changed or deleted.
 */
@Entity
@Table(name = "circle_event")
class CircleEvent extends PanacheEntityBase {

    /** The order of the history; assigned by the database. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false)
    public UUID id;

    @Column(name = "circle_id", nullable = false)
    public UUID circleId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CircleEventKind kind;

    /** Whose membership changed. */
    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    /** The role from now on; absent once they are out. */
    @Enumerated(EnumType.STRING)
    public Role role;

    /** The role before; absent when they joined. */
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_role")
    public Role previousRole;

    /** Who made the change. */
    @Column(name = "actor_id", nullable = false)
    public UUID actorId;

    @Column(nullable = false)
    public Instant at;

    static void record(
            UUID circleId,
            CircleEventKind kind,
            UUID memberId,
            Role role,
            Role previousRole,
            UUID actorId,
            Instant at) {
        CircleEvent event = new CircleEvent();
        event.id = UUID.randomUUID();
        event.circleId = circleId;
        event.kind = kind;
        event.memberId = memberId;
        event.role = role;
        event.previousRole = previousRole;
        event.actorId = actorId;
        event.at = at;
        event.persist();
    }
}
