package org.devolve.delegation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A member entrusts their judgement, never their stake, to another, for a circle or for one proposal (the
 * narrower wins). Revoking keeps the row, with the instant of revocation.
 */
@Entity
@Table(name = "delegation")
class Delegation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "delegator_id", nullable = false)
    public UUID delegatorId;

    @Column(name = "delegate_id", nullable = false)
    public UUID delegateId;

    @Column(name = "circle_id")
    public UUID circleId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Secret proposals only: the salt of the commitment to the delegate that the ledger holds. */
    public String salt;
}
