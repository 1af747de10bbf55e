package org.devolve.notification;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * Not a test (Surefire does not pick it up): prints how long a phase change takes when the affected circle
 * has 20,000 members. {@code mvn -B -q -Dui.skip test -Dtest=PhaseChangeFanOutMeasurement}; figures in
 * docs/performance.md.
 */
@QuarkusTest
class PhaseChangeFanOutMeasurement {

    private static final int MEMBERS = 20_000;
    private static final int RUNS = 5;

    @Inject
    AgroalDataSource db;

    @Test
    void aPhaseChangeInATwentyThousandMemberCircle() throws Exception {
        String circle = aCircle("Large").facilitatedBy(CAROL).withMembers(BOB).create();
        addMembers(UUID.fromString(circle), MEMBERS);
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            ProposalFixture.Made draft = aProposal().by(BOB).inCircle(circle).draft();
            long start = System.nanoTime();
            as(BOB).body(Map.of("phase", "DELIBERATION")).post("/api/v1/proposals/" + draft.id() + "/phase").then()
                    .statusCode(200);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%nMEASURED phase change DRAFT -> DELIBERATION, circle of %d members: %s ms (median %d ms)%n",
                MEMBERS + 2, millis, sorted.get(sorted.size() / 2));
    }

    private void addMembers(UUID circle, int count) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement members = c.prepareStatement("""
                    insert into member (id, subject, username, display_name, created_at, updated_at)
                    select gen_random_uuid(), 'large-' || ? || '-' || g, 'large' || g, 'Large ' || g, now(), now()
                    from generate_series(1, ?) g""")) {
                members.setString(1, run);
                members.setInt(2, count);
                members.executeUpdate();
            }
            try (PreparedStatement memberships = c.prepareStatement("""
                    insert into membership (circle_id, member_id, role, joined_at)
                    select ?, id, 'MEMBER', now() from member where subject like ?""")) {
                memberships.setObject(1, circle);
                memberships.setString(2, "large-" + run + "-%");
                memberships.executeUpdate();
            }
        }
    }
}
