package org.devolve.stake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Someone taking part doubts a declaration; the declarant may answer; a facilitator decides. */
@Entity
@Table(name = "stake_challenge")
public class StakeChallenge extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "proposal_id", nullable = false)
    public UUID proposalId;

    @Column(name = "stake_id", nullable = false)
    public UUID stakeId;

    @Column(name = "challenger_id", nullable = false)
    public UUID challengerId;

    /** The revision of the declaration this challenge doubts ({@link Stake#revision}). */
    @Column(name = "stake_revision", nullable = false)
    public int stakeRevision;

    @Column(nullable = false)
    public String reason;

    public String answer;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChallengeStatus status;

    @Column(name = "resolved_by")
    public UUID resolvedBy;

    @Column(name = "resolved_level")
    public Short resolvedLevel;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
