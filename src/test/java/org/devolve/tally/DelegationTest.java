package org.devolve.tally;

import static org.devolve.tally.Proposal.units;
import static org.devolve.tally.Stance.AGAINST;
import static org.devolve.tally.Stance.FOR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelegationTest {

    @Test
    void aNonVotersOwnWeightFollowsTheDelegatesBallot() {
        TallyResult result = Proposal.approveReject()
                .voter("ana", 1)
                .votes(FOR)
                .voter("bo", 5)
                .delegatesTo("ana")
                .voter("cy", 4)
                .votes(AGAINST)
                .count();
        assertEquals(List.of(units("6"), units("4"), 0L), result.totals(), "bo's stake 5 moves, not ana's 1");
        assertEquals(units("5"), result.delegation().weightMoved());
        assertEquals(1, result.delegation().delegatorsFollowed());
        assertEquals(TallyResult.Outcome.ADOPTED, result.outcome());
    }

    @Test
    void weightFollowsAChainToItsFirstBallot() {
        TallyResult result = Proposal.approveReject()
                .voter("ana", 1)
                .delegatesTo("bo")
                .voter("bo", 2)
                .delegatesTo("cy")
                .voter("cy", 3)
                .votes(AGAINST)
                .count();
        assertEquals(List.of(0L, units("6"), 0L), result.totals());
    }

    @Test
    void aDirectBallotAlwaysWins() {
        TallyResult result = Proposal.approveReject()
                .voter("ana", 2)
                .votes(FOR)
                .delegatesTo("bo")
                .voter("bo", 3)
                .votes(AGAINST)
                .count();
        assertEquals(List.of(units("2"), units("3"), 0L), result.totals());
        assertEquals(0L, result.delegation().weightMoved());
    }

    @Test
    void aLoopOrAChainWithoutABallotCountsAsNotCast() {
        TallyResult result = Proposal.approveReject()
                .voter("ana", 1)
                .delegatesTo("bo")
                .voter("bo", 2)
                .delegatesTo("ana")
                .voter("cy", 3)
                .delegatesTo("di")
                .voter("di", 4)
                .voter("ed", 5)
                .votes(FOR)
                .count();
        assertEquals(units("5"), result.turnout().weightCast());
        assertEquals(units("15"), result.turnout().weightDeclared());
        assertEquals(3, result.delegation().delegatorsLost());
        assertEquals(units("6"), result.delegation().weightLost());
    }

    @Test
    void aDelegateWithNoStakeStillCarriesTheDelegatorsWeight() {
        TallyResult result = Proposal.singleChoice("A", "B")
                .voter("expert", 0)
                .chooses(1)
                .voter("ana", 4)
                .delegatesTo("expert")
                .count();
        assertEquals(List.of(0L, units("4")), result.totals());
        assertEquals(1, result.turnout().headcount(), "the expert has no weight of their own");
    }

    @Test
    void resolutionIsIterativeSoAChainOfAMillionNeedsNoStack() {
        int n = 1_000_000;
        int[] delegate = new int[n];
        boolean[] voted = new boolean[n];
        for (int i = 0; i < n - 1; i++) {
            delegate[i] = i + 1;
        }
        delegate[n - 1] = -1;
        voted[n - 1] = true;
        int[] target = Delegation.resolve(delegate, voted);
        int[] expected = new int[n];
        Arrays.fill(expected, n - 1);
        assertArrayEquals(expected, target);
    }

    @Test
    void aMillionLongLoopResolvesToNotCast() {
        int n = 1_000_000;
        int[] delegate = new int[n];
        for (int i = 0; i < n; i++) {
            delegate[i] = (i + 1) % n;
        }
        int[] target = Delegation.resolve(delegate, new boolean[n]);
        assertEquals(n, Arrays.stream(target).filter(t -> t == -1).count());
    }

    @Test
    void chainsMeetingAKnownChainReuseItsAnswer() {
        // 0 → 1 → 2 (ballot); 3 → 1; 4 → 3
        int[] target = Delegation.resolve(new int[] {1, 2, -1, 1, 3}, new boolean[] {false, false, true, false, false});
        assertArrayEquals(new int[] {2, 2, 2, 2, 2}, target);
    }
}
