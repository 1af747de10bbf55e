package org.devolve.ballot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A vote. Every ballot is kept; the voter's last one before the close is {@code current} (one per voter and
 * proposal, enforced by a partial unique index). Options are referred to by 0-based index; which field is
 * set depends on the proposal's method.
 */
@Entity
@Table(name = "ballot")
public class Ballot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "proposal_id", nullable = false)
    public UUID proposalId;

    @Column(name = "voter_id", nullable = false)
    public UUID voterId;

    @Column(nullable = false)
    public boolean current;

    /** APPROVE_REJECT: 0 FOR, 1 AGAINST, 2 ABSTAIN. */
    public Short stance;

    /** SINGLE_CHOICE. */
    public Short choice;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "smallint[]")
    public short[] approvals;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "smallint[]")
    public short[] scores;

    /** SPLIT, QUADRATIC: points per option, one entry per option. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "integer[]")
    public int[] allocation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "smallint[]")
    public short[] ranking;

    /**
     * 64 hex digits: the ledger entry holds SHA-256(salt ‖ canonical JSON of the ballot), so that the ballot is
     * committed to without being shown. Revealed at the close of a public proposal, never for a secret one.
     */
    public String salt;

    /** The hash of the ledger entry that recorded this ballot. */
    @Column(nullable = false)
    public String receipt;

    @Column(name = "cast_at", nullable = false)
    public Instant castAt;
}
