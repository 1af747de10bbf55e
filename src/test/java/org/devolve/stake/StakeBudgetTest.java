package org.devolve.stake;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.ERIN;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * The stake budget is one per member, circle and period, across all the circle's proposals, and spending it is
 * atomic: concurrent declarations in different proposals cannot together spend more than the budget. A withdrawn
 * proposal gives its points back.
 */
@QuarkusTest
class StakeBudgetTest {

    @Inject
    AgroalDataSource db;

    @Test
    void concurrentVitalDeclarationsInManyProposalsOfACircleSpendATwentyFivePointBudgetOnce() throws Exception {
        String circle = aCircle("Thrifty")
                .facilitatedBy(CAROL)
                .withMembers(BOB, DAVE, ERIN)
                .create();
        as(CAROL)
                .body(Map.of("stakeBudget", 25, "budgetPeriod", "YEAR", "challengesEnabled", true))
                .put("/api/v1/circles/" + circle + "/policy")
                .then()
                .statusCode(200);
        List<ProposalFixture.Made> proposals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            proposals.add(
                    aProposal().by(BOB).inCircle(circle).affecting("All", 5).inDeliberation());
        }
        List<People.Person> declarants = List.of(BOB, DAVE, ERIN);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (People.Person person : declarants) {
            for (ProposalFixture.Made p : proposals) {
                calls.add(() -> as(person)
                        .body(Map.of("groupId", p.group(0), "level", 5, "reason", "Vital to me"))
                        .put("/api/v1/proposals/" + p.id() + "/stakes/mine")
                        .then()
                        .extract()
                        .statusCode());
            }
        }
        List<Integer> statuses = race(calls);
        for (int k = 0; k < declarants.size(); k++) {
            List<Integer> mine = statuses.subList(k * proposals.size(), (k + 1) * proposals.size());
            assertEquals(
                    1,
                    mine.stream().filter(s -> s == 200).count(),
                    declarants.get(k).username() + " spent 25 of 25 points once: " + mine);
            assertEquals(
                    proposals.size() - 1, mine.stream().filter(s -> s == 409).count(), "the rest refused: " + mine);
            as(declarants.get(k))
                    .get("/api/v1/me/budgets")
                    .then()
                    .body("find { it.circleId == '" + circle + "' }.used", equalTo(25))
                    .body("find { it.circleId == '" + circle + "' }.left", equalTo(0));
        }
        assertEquals(
                3 * 25,
                sum(
                        "select coalesce(sum(s.level * s.level), 0) from stake s join proposal p "
                                + "on p.id = s.proposal_id where p.circle_id = ?",
                        circle),
                "the database holds 25 points each");
        ProposalFixture.Made elsewhere = proposals.get(statuses.get(0) == 200 ? 1 : 0); // one Bob did not spend in
        as(BOB).body(Map.of("groupId", elsewhere.group(0), "level", 1, "reason", "x"))
                .put("/api/v1/proposals/" + elsewhere.id() + "/stakes/mine")
                .then()
                .statusCode(409)
                .body("code", equalTo("STAKE_BUDGET_EXCEEDED"))
                .body("budgetLeft", equalTo(0));
    }

    @Test
    void aWithdrawnProposalGivesItsPointsBack() {
        String circle = aCircle("Withdrawing")
                .facilitatedBy(CAROL)
                .withMembers(BOB, DAVE)
                .create();
        as(CAROL)
                .body(Map.of("stakeBudget", 25, "budgetPeriod", "QUARTER", "challengesEnabled", true))
                .put("/api/v1/circles/" + circle + "/policy")
                .then()
                .statusCode(200);
        ProposalFixture.Made first =
                aProposal().by(BOB).inCircle(circle).affecting("All", 5).inDeliberation();
        ProposalFixture.Made second =
                aProposal().by(BOB).inCircle(circle).affecting("All", 5).inDeliberation();
        ProposalFixture.declare(DAVE, first, 0, 5);
        as(DAVE).body(Map.of("groupId", second.group(0), "level", 5, "reason", "x"))
                .put("/api/v1/proposals/" + second.id() + "/stakes/mine")
                .then()
                .statusCode(409)
                .body("code", equalTo("STAKE_BUDGET_EXCEEDED"));
        as(DAVE).get("/api/v1/me/budgets").then().body("find { it.circleId == '" + circle + "' }.used", equalTo(25));

        as(BOB).body(Map.of("phase", "WITHDRAWN"))
                .post("/api/v1/proposals/" + first.id() + "/phase")
                .then()
                .statusCode(200);
        as(DAVE).get("/api/v1/me/budgets")
                .then()
                .body("find { it.circleId == '" + circle + "' }.used", equalTo(0))
                .body("find { it.circleId == '" + circle + "' }.left", equalTo(25));
        ProposalFixture.declare(DAVE, second, 0, 5);
        as(DAVE).get("/api/v1/proposals/" + first.id() + "/stakes/mine")
                .then()
                .statusCode(200)
                .body("level", equalTo(5)); // the withdrawn proposal's record stays as it was
    }

    private static List<Integer> race(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private long sum(String sql, String id) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
