package org.devolve.invitation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An invitation to a circle, sent to an address; its link is {@link InvitationLinks}'. */
@Entity
@Table(name = "invitation")
class Invitation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "circle_id", nullable = false)
    public UUID circleId;

    @Column(nullable = false)
    public String address;

    @Column(name = "invited_by", nullable = false)
    public UUID invitedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "accepted_by")
    public UUID acceptedBy;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "revoked_by")
    public UUID revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
