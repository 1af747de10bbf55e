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

    /** The SHA-256 of {@link #resultJson}, as the close's ledger entry holds it. */
    @Column(name = "result_sha256")
    public String resultSha256;

    /** The SHA-256 of the published tally document (the export), as the close's ledger entry holds it. */
    @Column(name = "document_sha256")
    public String documentSha256;

    /** The instant delegations were counted as of: the voting deadline, or the close when it came earlier. */
    @Column(name = "counted_as_of")
    public Instant countedAsOf;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;
}
