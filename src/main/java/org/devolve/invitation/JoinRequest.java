package org.devolve.invitation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A signed-in person's request to join a circle; its facilitators accept or decline it. */
@Entity
@Table(name = "join_request")
class JoinRequest extends PanacheEntityBase {

    static final String ACCEPTED = "ACCEPTED";
    static final String DECLINED = "DECLINED";

    @Id
    public UUID id;

    @Column(name = "circle_id", nullable = false)
    public UUID circleId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "member_name", nullable = false)
    public String memberName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** ACCEPTED or DECLINED; null while pending. */
    public String outcome;
}
