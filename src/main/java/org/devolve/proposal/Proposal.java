package org.devolve.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.devolve.tally.Method;
import org.devolve.tally.Policy;
import org.devolve.tally.Threshold;

/** Something a circle is asked to decide. Shares are in parts per million (ppm) of weight. */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

    /** Protection of the most affected: none, a majority among them, or no objection above a share. */
    public enum ProtectionRule {
        NONE,
        MAJORITY,
        NO_OBJECTION
    }

    @Id
    public UUID id;

    @Column(name = "circle_id", nullable = false)
    public UUID circleId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Method method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Policy weighting;

    @Column(name = "weighting_cap")
    public Short weightingCap;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Threshold threshold;

    @Column(name = "consent_objection_ppm")
    public Integer consentObjectionPpm;

    @Column(name = "quorum_turnout_ppm", nullable = false)
    public int quorumTurnoutPpm;

    @Column(name = "quorum_headcount", nullable = false)
    public int quorumHeadcount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProtectionRule protection;

    @Column(name = "protection_ppm")
    public Integer protectionPpm;

    @Column(nullable = false)
    public boolean secret;

    @Column(name = "live_results", nullable = false)
    public boolean liveResults;

    /**
     * k, frozen when the proposal is drafted: in a secret proposal, no published class of declarations and no
     * breakdown cell holds fewer than k, and turnout moves in steps of k people.
     */
    @Column(name = "min_cell_voters", nullable = false)
    public short minCellVoters;

    @Column(name = "outsiders_allowed", nullable = false)
    public boolean outsidersAllowed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Phase phase;

    @Column(name = "deliberation_ends_at")
    public Instant deliberationEndsAt;

    @Column(name = "voting_ends_at")
    public Instant votingEndsAt;

    /** ADOPTED, REJECTED, NO_QUORUM, or WINNER (see {@link #winner}); set at the close. */
    public String outcome;

    /** The winning option's index, when the outcome is WINNER. */
    public Short winner;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "voting_opened_at")
    public Instant votingOpenedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Declarations made or raised within the challenge window before voting opened (marked late on the stake). */
    @Column(name = "late_declarations", nullable = false)
    public int lateDeclarations;

    public boolean usesOptions() {
        return method != Method.APPROVE_REJECT;
    }
}
