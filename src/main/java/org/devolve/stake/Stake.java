package org.devolve.stake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A person's declared affectedness in one proposal: a level 0..5 in an affected group, with a reason.
 * {@code level} is what counts; it is lower than {@code declaredLevel} only when a facilitator lowered it
 * after a challenge.
 */
@Entity
@Table(name = "stake")
public class Stake extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "proposal_id", nullable = false)
    public UUID proposalId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    /** The deciding circle of the proposal, whose budget the declaration spends. */
    @Column(name = "circle_id", nullable = false)
    public UUID circleId;

    /** Whether the points came back (the proposal was withdrawn). */
    @Column(nullable = false)
    public boolean refunded;

    @Column(nullable = false)
    public short level;

    @Column(name = "declared_level", nullable = false)
    public short declaredLevel;

    @Column(nullable = false)
    public String reason;

    @Column(name = "self_identified", nullable = false)
    public boolean selfIdentified;

    /** Declared above the group's suggested level. */
    @Column(nullable = false)
    public boolean flagged;

    /**
     * The highest level the declarant may declare, once a facilitator lowered the declaration after a challenge
     * (a LOWER stands); null when it was never lowered.
     */
    @Column(name = "level_allowed")
    public Short levelAllowed;

    /** Counts the declarant's changes; a challenge names the revision it doubts. */
    @Column(nullable = false)
    public int revision;

    /** When the declaration was last made or raised by its declarant (lowering it does not count). */
    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    /** Made or raised within the challenge window before voting opened: nobody had that long to challenge it. */
    @Column(nullable = false)
    public boolean late;

    /** The stake-budget period this declaration is charged to, e.g. {@code 2026-Q4}. */
    @Column(name = "budget_period", nullable = false)
    public String budgetPeriod;

    /** The current ballot in the engine's shape, written by CastBallot; read only by the tally (native SQL). */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(columnDefinition = "integer[]", insertable = false, updatable = false)
    public int[] ballot;

    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
