package org.devolve.tally;

import static org.devolve.tally.Proposal.units;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionMethodsTest {

    @Test
    void singleChoiceIsAWeightedPlurality() {
        TallyResult result = Proposal.singleChoice("Park", "Parking", "Housing")
                .voter("ana", 5)
                .chooses(0)
                .voter("bo", 2)
                .chooses(1)
                .voter("cy", 2)
                .chooses(1)
                .voter("di", 3)
                .chooses(2)
                .count();
        assertEquals(0, result.winner());
        assertEquals(List.of(units("5"), units("4"), units("3")), result.totals());
        assertEquals(List.of(0, 1, 2), result.ranking());
    }

    @Test
    void anExactTieForFirstGoesToTheLowerIndexAndIsReported() {
        TallyResult result = Proposal.singleChoice("Park", "Parking")
                .voter("ana", 3)
                .chooses(1)
                .voter("bo", 3)
                .chooses(0)
                .count();
        assertEquals(0, result.winner());
        TallyResult.Tie tie = result.ties().get(0);
        assertEquals("winner", tie.stage());
        assertEquals(List.of(0, 1), tie.options());
        assertEquals(TallyResult.TieRule.LOWER_INDEX, tie.rule());
    }

    @Test
    void oneVoterDecidesAlone() {
        TallyResult result = Proposal.singleChoice("Park", "Parking")
                .voter("ana", 1)
                .chooses(1)
                .count();
        assertEquals(TallyResult.Outcome.WINNER, result.outcome());
        assertEquals(1, result.winner());
    }

    @Test
    void allWeightOnOneOptionLeavesTheOthersAtZero() {
        TallyResult result = Proposal.of(Method.APPROVAL, "A", "B", "C")
                .voters(4, 3, p -> p.approves(1))
                .count();
        assertEquals(List.of(0L, units("12"), 0L), result.totals());
        assertEquals(1, result.winner());
        assertEquals(List.of(1, 0, 2), result.ranking());
        assertEquals("ranking", result.ties().get(0).stage(), "A and C tie for second, reported");
    }

    @Test
    void zeroWeightVotesNothing() {
        TallyResult result = Proposal.singleChoice("Park", "Parking")
                .voter("ana", 1)
                .chooses(1)
                .voter("bo", 0)
                .chooses(0)
                .count();
        assertEquals(List.of(0L, units("1")), result.totals());
        assertEquals(1, result.turnout().headcount());
    }

    @Test
    void approvalGivesEachApprovedOptionTheFullWeight() {
        TallyResult result = Proposal.of(Method.APPROVAL, "A", "B", "C")
                .voter("ana", 4)
                .approves(0, 2)
                .voter("bo", 3)
                .approves(1, 2)
                .voter("cy", 2)
                .approves()
                .count();
        assertEquals(List.of(units("4"), units("3"), units("7")), result.totals());
        assertEquals(2, result.winner());
        assertEquals(units("9"), result.turnout().weightCast(), "an empty approval is still a ballot cast");
    }

    @Test
    void scoreTakesTheWeightedMean() {
        TallyResult result = Proposal.of(Method.SCORE, "A", "B")
                .voter("ana", 3)
                .scores(5, 0)
                .voter("bo", 1)
                .scores(0, 5)
                .count();
        assertEquals(List.of(units("15"), units("5")), result.totals());
        assertEquals(List.of(units("3.75"), units("1.25")), result.details().scoreMeans());
        assertEquals(0, result.winner());
    }

    @Test
    void splitSpreadsWeightInProportionToPoints() {
        TallyResult result = Proposal.of(Method.SPLIT, "A", "B", "C")
                .voter("ana", 1)
                .allocates(1, 1, 1)
                .voter("bo", 2)
                .allocates(3, 1, 0)
                .count();
        // A: 1/3 + 1.5, B: 1/3 + 0.5, C: 1/3 — rounded so that they add up to 3
        assertEquals(List.of(units("1.833334"), units("0.833333"), units("0.333333")), result.totals());
        assertEquals(
                units("3"), result.totals().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void quadraticSquaresTheSumOfRootsAndDistributesTheWeightCast() {
        // ana puts all of 4 on A: √4 = 2. bo and cy put 1 each on B: √1 + √1 = 2. Q_A = Q_B = 4.
        TallyResult result = Proposal.of(Method.QUADRATIC, "A", "B")
                .voter("ana", 4)
                .allocates(1, 0)
                .voter("bo", 1)
                .allocates(0, 1)
                .voter("cy", 1)
                .allocates(0, 1)
                .count();
        assertEquals(List.of(units("3"), units("3")), result.totals());
        assertEquals(List.of(units("4"), units("2")), result.details().allocated());
        assertEquals(TallyResult.TieRule.LOWER_INDEX, result.ties().get(0).rule());
    }

    @Test
    void quadraticFavoursBreadthOverDepth() {
        TallyResult result = Proposal.of(Method.QUADRATIC, "A", "B")
                .voter("ana", 5)
                .allocates(1, 0)
                .voter("bo", 1)
                .allocates(0, 1)
                .voter("cy", 1)
                .allocates(0, 1)
                .voter("di", 1)
                .allocates(0, 1)
                .count();
        assertEquals(1, result.winner(), "√5 < 3·√1");
    }

    @Test
    void noBallotsIsNoQuorum() {
        for (Method method : Method.values()) {
            TallyResult result = Proposal.of(
                            method, method == Method.APPROVE_REJECT ? new String[0] : new String[] {"A", "B"})
                    .count();
            assertEquals(TallyResult.Outcome.NO_QUORUM, result.outcome(), method.name());
            assertEquals(-1, result.winner());
        }
    }
}
