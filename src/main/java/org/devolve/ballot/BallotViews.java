package org.devolve.ballot;

import java.time.Instant;
import org.devolve.identity.MemberSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class BallotViews {

    private BallotViews() {}

    @Schema(name = "MyBallot", description = "My ballot and its receipt")
    record Mine(
            BallotContent ballot,

            @Schema(
                    description = "The hash of the ledger entry that records this ballot: check it at "
                            + "/api/v1/proposals/{id}/ledger/receipts/{receipt}")
            String receipt,

            Instant castAt,
            boolean current,

            @Schema(
                    nullable = true,
                    description = "The salt of the ballot's commitment: the entry holds "
                            + "SHA-256(salt ‖ the ballot's canonical JSON), which anyone holding the salt can recompute. Only "
                            + "the voter reads it (and everyone, once a public proposal closes)")
            String salt,

            @Schema(
                    nullable = true,
                    description = "The ballot's canonical JSON, as its commitment was computed " + "over")
            String committed) {}

    @Schema(name = "PublicBallot", description = "A ballot of a public proposal, once results are public")
    record Public(
            MemberSummary voter,
            BallotContent ballot,
            String receipt,
            Instant castAt,

            @Schema(nullable = true, description = "The salt of its commitment, revealed at the close")
            String salt) {}
}
