package org.devolve.platform;

import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/** With small limits, a member who writes or reads expensive things too often gets 429 with Retry-After. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "devolve.rate-limits.writes.per-member", "40",
                    "devolve.rate-limits.writes.per-address", "100000",
                    "devolve.rate-limits.writes.period", "1h",
                    "devolve.rate-limits.expensive-reads.per-member", "5",
                    "devolve.rate-limits.expensive-reads.per-address", "8",
                    "devolve.rate-limits.expensive-reads.period", "1h");
        }
    }

    @Test
    void aMemberWhoWritesTooOftenGets429WithRetryAfter() {
        People.Person flooder = People.someone("flooder");
        String me =
                as(flooder).get("/api/v1/me").then().statusCode(200).extract().path("id");
        int refused = 0;
        int first429 = -1;
        for (int i = 0; i < 60; i++) {
            int status = as(flooder)
                    .body(Map.of("ids", List.of()))
                    .post("/api/v1/notifications/read")
                    .then()
                    .extract()
                    .statusCode();
            if (status == 429) {
                refused++;
                if (first429 < 0) {
                    first429 = i;
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(40, first429, "the 41st write is the first refused");
        org.junit.jupiter.api.Assertions.assertEquals(20, refused);
        as(flooder)
                .body(Map.of("ids", List.of()))
                .post("/api/v1/notifications/read")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("TOO_MANY_REQUESTS"))
                .header("Retry-After", notNullValue());
        // another member is not affected, and reads are not limited
        as(People.someone("bystander"))
                .body(Map.of("ids", List.of()))
                .post("/api/v1/notifications/read")
                .then()
                .statusCode(200);
        as(flooder).get("/api/v1/me").then().statusCode(200).body("id", equalTo(me));
    }

    @Test
    void expensiveReadsAreLimitedPerMemberAndPerAddress() {
        var proposal = ProposalFixture.aProposal().inVotingWith(Map.of(People.BOB, 3));
        People.Person reader = People.someone("reader");
        for (int i = 0; i < 5; i++) {
            as(ALICE)
                    .get("/api/v1/proposals/" + proposal.id() + "/turnout")
                    .then()
                    .statusCode(200);
        }
        as(ALICE)
                .get("/api/v1/proposals/" + proposal.id() + "/turnout")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        // the address has 3 left of 8 for everyone behind it
        for (int i = 0; i < 3; i++) {
            as(reader)
                    .get("/api/v1/proposals/" + proposal.id() + "/ledger/verify")
                    .then()
                    .statusCode(org.hamcrest.Matchers.not(429));
        }
        as(reader)
                .get("/api/v1/proposals/" + proposal.id() + "/ledger/verify")
                .then()
                .statusCode(429)
                .body("detail", org.hamcrest.Matchers.containsString("address"));
    }
}
