package org.devolve.audit;

import java.time.Instant;
import java.util.List;
import org.devolve.identity.MemberSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class AuditViews {

    private AuditViews() {}

    @Schema(
            name = "LedgerEntry",
            description =
                    "One entry: hash = SHA-256(prevHash ‖ body), body being the entry's " + "canonical JSON (RFC 8785)")
    record Entry(
            long seq,
            String kind,
            String prevHash,
            String hash,
            Instant recordedAt,
            String body,

            @Schema(
                    nullable = true,
                    description = "The member who acted, where the actor is a member (not the "
                            + "scheduler, not a secret ballot's pseudonym)")
            MemberSummary actor) {}

    @Schema(name = "LedgerPage")
    record Entries(
            List<Entry> items,

            @Schema(nullable = true, description = "Pass as `after` for the next page")
            Long next) {}

    @Schema(name = "LedgerVerification")
    record Verification(
            boolean valid,
            long entries,
            String head,

            @Schema(nullable = true, description = "The first entry that does not check out")
            Long firstBroken,

            @Schema(nullable = true) String problem,

            @Schema(
                    description = "Whether the result was recounted from the ledger (closed proposals) and matches "
                            + "the one the close published")
            boolean recounted) {}

    @Schema(name = "Receipt", description = "A receipt found in the proposal's chain")
    record Receipt(
            String receipt,
            long seq,
            String kind,
            Instant recordedAt,

            @Schema(description = "The entry's hash recomputes from its body and the hash before it")
            boolean intact,

            @Schema(description = "Entries recorded after it, which chain onto it")
            long entriesAfter) {}
}
