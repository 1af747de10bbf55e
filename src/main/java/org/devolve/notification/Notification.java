package org.devolve.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Something a member should know: a proposal that affects them opened, voting opened, a result is out. */
@Entity
@Table(name = "notification")
class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "circle_id")
    public UUID circleId;

    @Column(nullable = false)
    public String text;

    /** The kind's parameters ({@link NoticeKind}), a JSON object of strings. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    public Map<String, String> params;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
