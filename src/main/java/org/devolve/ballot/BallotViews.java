package org.devolve.ballot;

import java.time.Instant;
import org.devolve.identity.MemberSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class BallotViews {

    private BallotViews() {
    }

    @Schema(name = "MyBallot", description = "My ballot and its receipt")
    record Mine(BallotContent ballot,
            @Schema(description = "The hash of the ledger entry that records this ballot: check it at "
                    + "/api/v1/proposals/{id}/ledger/receipts/{receipt}") String receipt,
            Instant castAt, boolean current) {
    }

    @Schema(name = "PublicBallot", description = "A ballot of a public proposal, once results are public")
    record Public(MemberSummary voter, BallotContent ballot, String receipt, Instant castAt) {
    }
}
