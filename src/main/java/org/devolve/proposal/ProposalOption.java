package org.devolve.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One option of a proposal, at a 0-based position: ballots refer to options by position. */
@Entity
@Table(name = "proposal_option")
@IdClass(ProposalOption.Key.class)
public class ProposalOption extends PanacheEntityBase {

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;

    @Id
    public short position;

    @Column(nullable = false)
    public String label;

    static class Key implements Serializable {
        UUID proposalId;
        short position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(proposalId, k.proposalId) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(proposalId, position);
        }
    }
}
