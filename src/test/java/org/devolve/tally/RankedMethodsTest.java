package org.devolve.tally;

import static org.devolve.tally.Proposal.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Published worked examples of Schulze, IRV and Copeland. */
class RankedMethodsTest {

    /** Wikipedia, "Schulze method", the example with 45 voters and 5 candidates. */
    private static Proposal wikipediaSchulzeExample() {
        return Proposal.of(Method.RANKED_SCHULZE, "A", "B", "C", "D", "E")
                .rank(5, "A", "C", "B", "E", "D")
                .rank(5, "A", "D", "E", "C", "B")
                .rank(8, "B", "E", "D", "A", "C")
                .rank(3, "C", "A", "B", "E", "D")
                .rank(7, "C", "A", "E", "B", "D")
                .rank(2, "C", "B", "A", "D", "E")
                .rank(7, "D", "C", "E", "B", "A")
                .rank(8, "E", "B", "A", "D", "C");
    }

    @Test
    void schulzeRanksTheWikipediaExampleEACBD() {
        TallyResult result = wikipediaSchulzeExample().count();
        assertEquals(TallyResult.Outcome.WINNER, result.outcome());
        assertEquals(4, result.winner());
        assertEquals(List.of(4, 0, 2, 1, 3), result.ranking());
        assertTrue(result.ties().isEmpty());
    }

    @Test
    void schulzeShowsTheWikipediaPairwiseAndStrongestPathMatrices() {
        TallyResult.Details details = wikipediaSchulzeExample().count().details();
        long[][] d = {
            {0, 20, 26, 30, 22}, {25, 0, 16, 33, 18}, {19, 29, 0, 17, 24}, {15, 12, 28, 0, 14}, {23, 27, 21, 31, 0}
        };
        long[][] p = {
            {0, 28, 28, 30, 24}, {25, 0, 28, 33, 24}, {25, 29, 0, 29, 24}, {25, 28, 28, 0, 24}, {25, 28, 28, 31, 0}
        };
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(d[i][j] * Micro.ONE, details.pairwise().get(i).get(j), "d[" + i + "][" + j + "]");
                assertEquals(
                        p[i][j] * Micro.ONE, details.strongestPaths().get(i).get(j), "p[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void schulzeWeighsBallotsByStake() {
        // two voters prefer B, but the one who prefers A bears three times the stake
        TallyResult result = Proposal.of(Method.RANKED_SCHULZE, "A", "B")
                .voter("ana", 3)
                .ranks(0, 1)
                .voter("bo", 1)
                .ranks(1, 0)
                .voter("cy", 1)
                .ranks(1, 0)
                .count();
        assertEquals(0, result.winner());
        assertEquals(units("3"), result.details().pairwise().get(0).get(1));
        assertEquals(units("2"), result.details().pairwise().get(1).get(0));
    }

    @Test
    void schulzeTreatsUnrankedOptionsAsTiedBelowTheRankedOnes() {
        TallyResult result = Proposal.of(Method.RANKED_SCHULZE, "A", "B", "C")
                .voter("ana", 1)
                .ranks(2)
                .count();
        List<List<Long>> d = result.details().pairwise();
        assertEquals(units("1"), d.get(2).get(0));
        assertEquals(units("1"), d.get(2).get(1));
        assertEquals(0L, d.get(0).get(1));
        assertEquals(0L, d.get(1).get(0));
        assertEquals(2, result.winner());
        assertEquals(List.of(2, 0, 1), result.ranking());
        TallyResult.Tie tie = result.ties().get(0);
        assertEquals("ranking", tie.stage());
        assertEquals(List.of(0, 1), tie.options());
        assertEquals(TallyResult.TieRule.LOWER_INDEX, tie.rule());
    }

    /** Wikipedia's Tennessee capital example: Memphis 42, Nashville 26, Chattanooga 15, Knoxville 17. */
    private static Proposal tennessee(Method method) {
        return Proposal.of(method, "Memphis", "Nashville", "Chattanooga", "Knoxville")
                .rank(42, "Memphis", "Nashville", "Chattanooga", "Knoxville")
                .rank(26, "Nashville", "Chattanooga", "Knoxville", "Memphis")
                .rank(15, "Chattanooga", "Knoxville", "Nashville", "Memphis")
                .rank(17, "Knoxville", "Chattanooga", "Nashville", "Memphis");
    }

    @Test
    void instantRunoffElectsKnoxvilleInTheTennesseeExample() {
        TallyResult result = tennessee(Method.RANKED_IRV).count();
        assertEquals(3, result.winner());
        assertEquals(List.of(units("42"), 0L, 0L, units("58")), result.totals());
        List<TallyResult.Round> rounds = result.details().rounds();
        assertEquals(3, rounds.size());
        assertEquals(
                List.of(units("42"), units("26"), units("15"), units("17")),
                rounds.get(0).totals());
        assertEquals(2, rounds.get(0).eliminated(), "Chattanooga goes first");
        assertEquals(
                List.of(units("42"), units("26"), 0L, units("32")),
                rounds.get(1).totals());
        assertEquals(1, rounds.get(1).eliminated(), "then Nashville");
        assertEquals(-1, rounds.get(2).eliminated());
        assertEquals(List.of(3, 0, 1, 2), result.ranking());
    }

    @Test
    void schulzeElectsNashvilleTheCondorcetWinnerInTheTennesseeExample() {
        assertEquals(
                List.of(1, 2, 3, 0), tennessee(Method.RANKED_SCHULZE).count().ranking());
    }

    @Test
    void copelandScoresTheTennesseeExampleByPairwiseVictories() {
        TallyResult result = tennessee(Method.COPELAND).count();
        assertEquals(List.of(1, 2, 3, 0), result.ranking());
        List<TallyResult.CopelandScore> scores = result.details().copeland();
        assertEquals(3, scores.get(1).wins());
        assertEquals(2, scores.get(2).wins());
        assertEquals(1, scores.get(3).wins());
        assertEquals(3, scores.get(0).losses());
        assertEquals(
                units("100"),
                result.totals().stream().mapToLong(Long::longValue).sum(),
                "the totals distribute exactly the weight cast");
    }

    @Test
    void instantRunoffEliminatesTheLowerIndexAmongEqualLastPlacesAndSaysSo() {
        TallyResult result = Proposal.of(Method.RANKED_IRV, "A", "B", "C")
                .rank(2, "A", "B", "C")
                .rank(1, "B", "A", "C")
                .rank(1, "C", "B", "A")
                .count();
        TallyResult.Tie tie = result.ties().get(0);
        assertEquals("elimination", tie.stage());
        assertEquals(List.of(1, 2), tie.options());
        assertEquals(1, tie.chosen());
        assertEquals(TallyResult.TieRule.ELIMINATE_LOWER_INDEX, tie.rule());
        // B goes; its ballot moves to A, which then holds 3 of 4
        assertEquals(List.of(units("3"), 0L, units("1")), result.totals());
        assertEquals(0, result.winner());
    }

    @Test
    void instantRunoffDropsExhaustedPartialBallots() {
        TallyResult result = Proposal.of(Method.RANKED_IRV, "A", "B", "C")
                .rank(3, "A")
                .rank(2, "B")
                .rank(2, "C")
                .count();
        TallyResult.Round last =
                result.details().rounds().get(result.details().rounds().size() - 1);
        assertEquals(units("2"), last.exhausted(), "B's two ballots, eliminated on the tie, rank nothing else");
        assertEquals(0, result.winner());
    }
}
