package org.devolve.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WeightingTest {

    @Test
    void linearWeighsTheStake() {
        assertEquals(Proposal.units("4"), Weighting.linear().weightOf(4));
    }

    @Test
    void sqrtRoundsTheExactRootToTheNearestMicroUnit() {
        long[] expected = {0, 1_000_000, 1_414_214, 1_732_051, 2_000_000, 2_236_068};
        for (int s = 0; s <= 5; s++) {
            assertEquals(expected[s], Weighting.sqrt().weightOf(s), "√" + s);
        }
    }

    @Test
    void equalGivesEveryoneAffectedOne() {
        assertEquals(0, Weighting.equal().weightOf(0));
        assertEquals(Micro.ONE, Weighting.equal().weightOf(1));
        assertEquals(Micro.ONE, Weighting.equal().weightOf(5));
    }

    @Test
    void cappedStopsAtTheCap() {
        assertEquals(Proposal.units("2"), Weighting.capped(3).weightOf(2));
        assertEquals(Proposal.units("3"), Weighting.capped(3).weightOf(5));
    }

    @Test
    void explicitWeightsAreGivenNotDerived() {
        assertThrows(IllegalStateException.class, () -> Weighting.explicit().weightOf(3));
    }

    @Test
    void integerSquareRootsAreExactFloors() {
        assertEquals(3_037_000_499L, Micro.isqrt(Long.MAX_VALUE));
        assertEquals(99_999, Micro.isqrt(9_999_999_999L));
        assertEquals(100_000, Micro.isqrt(10_000_000_000L));
        // 2^80 + 2^41 + 1 = (2^40 + 1)²; one less has the root 2^40
        long hi = 1L << 16;
        assertEquals((1L << 40) + 1, Micro.isqrt128(hi, (1L << 41) + 1));
        assertEquals(1L << 40, Micro.isqrt128(hi, 1L << 41));
    }

    @Test
    void decimalsHaveSixPlaces() {
        assertEquals("1.414214", Micro.format(1_414_214));
        assertEquals("0.000001", Micro.format(1));
        assertEquals(500_000, Micro.parse("0.5", Micro.ONE));
        assertEquals(-1, Micro.parse("0.1234567", Micro.ONE));
        assertEquals(-1, Micro.parse("1e3", Micro.MAX_WEIGHT));
        assertEquals(-1, Micro.parse("-1", Micro.MAX_WEIGHT));
        assertEquals(-1, Micro.parse("2", Micro.ONE));
    }
}
