package org.devolve.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One entry of a proposal's ledger. Rows are only ever inserted. */
@Entity
@Table(name = "ledger_entry")
@IdClass(LedgerEntry.Key.class)
class LedgerEntry extends PanacheEntityBase {

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;

    @Id
    public long seq;

    @Column(nullable = false)
    public String kind;

    /** The canonical JSON of the entry: {@code {"actor","at","kind","payload","proposal","seq"}}. */
    @Column(nullable = false)
    public String body;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    static class Key implements Serializable {
        UUID proposalId;
        long seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(proposalId, k.proposalId) && seq == k.seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(proposalId, seq);
        }
    }
}
