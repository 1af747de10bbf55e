package org.devolve.result;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The final tally of a closed proposal, with the ledger head it was computed from. Written once. */
@Entity
@Table(name = "proposal_result")
class ProposalResult extends PanacheEntityBase {

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "ledger_seq", nullable = false)
    public long ledgerSeq;

    @Column(name = "ledger_head", nullable = false)
    public String ledgerHead;

    @Column(nullable = false)
    public String outcome;

    /** The engine's result JSON. */
    @Column(name = "result_json", nullable = false)
    public String resultJson;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;
}
