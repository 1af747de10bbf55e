package org.devolve.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint a circle's facilitator registered: where the circle's events go, and the secret that signs them. */
@Entity
@Table(name = "webhook_endpoint")
class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "circle_id", nullable = false)
    public UUID circleId;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String description;

    /** The events wanted, by their wire names ({@link WebhookEventType#wire()}). */
    @Column(nullable = false, columnDefinition = "jsonb")
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    public List<String> events;

    /** The signing secret, encrypted ({@link WebhookSecrets}). */
    @Column(nullable = false)
    public byte[] secret;

    /** After a rotation: the previous secret, which also signs until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    public byte[] previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
