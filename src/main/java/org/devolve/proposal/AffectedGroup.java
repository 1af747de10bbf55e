package org.devolve.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who a proposal affects: a circle, or a described group ("tenants of building C"), with the stake level
 * the proposer suggests for its members and how they are affected. A declaration above the suggested level
 * needs a reason and is flagged.
 */
@Entity
@Table(name = "affected_group")
public class AffectedGroup extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "proposal_id", nullable = false)
    public UUID proposalId;

    @Column(nullable = false)
    public short position;

    @Column(name = "circle_id")
    public UUID circleId;

    @Column(nullable = false)
    public String name;

    @Column(name = "how_affected", nullable = false)
    public String howAffected;

    @Column(name = "suggested_level", nullable = false)
    public short suggestedLevel;

    /** Stakes declared in this group (kept by the stake feature). */
    @Column(nullable = false)
    public int declarations;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The circles the proposal's groups stand for (a group may be a circle, or a free-text group). */
    static List<UUID> circlesOf(UUID proposalId) {
        return getEntityManager()
                .createQuery(
                        "select g.circleId from AffectedGroup g where g.proposalId = :p "
                                + "and g.circleId is not null",
                        UUID.class)
                .setParameter("p", proposalId)
                .getResultList();
    }
}
