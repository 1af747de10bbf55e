package org.devolve.integration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The registration of an integration: its member row (identity, kind INTEGRATION) is the integration itself; this
 * says which circle owns it and who registered it.
 */
@Entity
@Table(name = "integration")
class Integration extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "owner_circle_id", nullable = false)
    public UUID ownerCircleId;

    @Column(name = "registered_by", nullable = false)
    public UUID registeredBy;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
