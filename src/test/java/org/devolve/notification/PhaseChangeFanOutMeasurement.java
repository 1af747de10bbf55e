package org.devolve.notification;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.devolve.testing.Crowds;
import org.devolve.testing.Outboxes;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * Not a test (Surefire does not pick it up): prints how long a phase change takes when the deciding circle
 * has 20,000 members, and how long the outbox worker then takes to write their notifications.
 * {@code mvn -B -q -Dui.skip test -Dtest=PhaseChangeFanOutMeasurement}; figures in docs/performance.md.
 */
@QuarkusTest
class PhaseChangeFanOutMeasurement {

    private static final int MEMBERS = 20_000;
    private static final int RUNS = 5;

    @Inject
    AgroalDataSource db;

    @Inject
    Scheduler scheduler;

    @Test
    void aPhaseChangeInATwentyThousandMemberCircle() throws Exception {
        String circle = aCircle("Large").facilitatedBy(CAROL).withMembers(BOB).create();
        Crowds.of(db, circle, MEMBERS);
        scheduler.pause("devolve-outbox"); // the notifications are written by the drain below, timed apart
        List<Long> change = new ArrayList<>();
        List<Long> fanOut = new ArrayList<>();
        try {
            for (int run = 0; run < RUNS; run++) {
                ProposalFixture.Made draft =
                        aProposal().by(BOB).inCircle(circle).draft();
                long start = System.nanoTime();
                as(BOB).body(Map.of("phase", "DELIBERATION"))
                        .post("/api/v1/proposals/" + draft.id() + "/phase")
                        .then()
                        .statusCode(200);
                change.add((System.nanoTime() - start) / 1_000_000);
                start = System.nanoTime();
                Outboxes.drain();
                fanOut.add((System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            scheduler.resume("devolve-outbox");
        }
        System.out.printf(
                "%nMEASURED phase change DRAFT -> DELIBERATION, circle of %d members: %s ms (median %d ms)"
                        + "%nMEASURED outbox worker writing their %d notifications: %s ms (median %d ms)%n",
                MEMBERS + 2, change, median(change), MEMBERS + 2, fanOut, median(fanOut));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
