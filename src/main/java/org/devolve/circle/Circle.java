package org.devolve.circle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An organisation at any scale. Circles form a graph: see {@link CircleLink}. */
@Entity
@Table(name = "circle")
public class Circle extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CircleKind kind;

    /** Stake budget: points per member per period (a declaration of level s costs s²); null: no budget. */
    @Column(name = "stake_budget")
    public Integer stakeBudget;

    @Enumerated(EnumType.STRING)
    @Column(name = "budget_period", nullable = false)
    public BudgetPeriod budgetPeriod;

    /** Whether participants may challenge stake declarations in this circle's proposals. */
    @Column(name = "challenges_enabled", nullable = false)
    public boolean challengesEnabled;

    /**
     * The challenge window, in minutes: with a deliberation deadline, new or raised declarations close this long
     * before it; when voting opens, declarations made or raised less than this before are marked late.
     */
    @Column(name = "challenge_window_minutes", nullable = false)
    public short challengeWindowMinutes;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    CirclePolicy policy() {
        return new CirclePolicy(stakeBudget, budgetPeriod, challengesEnabled, (int) challengeWindowMinutes);
    }

    CircleSummary summary() {
        return new CircleSummary(id, slug, name, kind);
    }
}
