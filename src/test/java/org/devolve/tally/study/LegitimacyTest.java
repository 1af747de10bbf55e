package org.devolve.tally.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.devolve.tally.Weighting;
import org.junit.jupiter.api.Test;

/** A tiny, seeded cell of the legitimacy study (docs/legitimacy.md), so that the study's code can fail. */
class LegitimacyTest {

    private static final List<Weighting> POLICIES = List.of(Weighting.linear(), Weighting.capped(3), Weighting.equal());

    private static Legitimacy.Config tiny(int threads) {
        return new Legitimacy.Config(
                15,
                new int[] {200},
                new int[] {80},
                new int[] {40},
                POLICIES,
                50,
                6,
                new int[] {0, 50},
                25,
                25,
                threads);
    }

    private static Legitimacy.Measure cell(
            Legitimacy.Config c, List<Legitimacy.Measure> measures, Weighting w, boolean budget, int challenge) {
        return Legitimacy.pooled(Legitimacy.cells(c), measures, w, budget, challenge, 40, 0, c);
    }

    @Test
    void inflationMovesLinearMoreThanCappedAndEqualNotAtAll() {
        Legitimacy.Config c = tiny(2);
        List<Legitimacy.Measure> m = Legitimacy.run(c);
        Legitimacy.Measure linear = cell(c, m, Weighting.linear(), false, 0);
        Legitimacy.Measure capped = cell(c, m, Weighting.capped(3), false, 0);
        Legitimacy.Measure equal = cell(c, m, Weighting.equal(), false, 0);
        assertEquals(480, linear.decisions(), "80 periods of 6 proposals");
        assertTrue(linear.contests() >= 40, "enough decisions the faction loses honestly: " + linear.contests());
        assertEquals(0, equal.flips(), "one person, one vote: declaring 5 instead of 2 changes no weight");
        assertTrue(
                linear.flips() * 100 >= linear.contests() * 50,
                "a 40 % faction at 5 overturns most of its honest defeats under LINEAR: " + linear);
        assertTrue(capped.flips() < linear.flips(), "CAPPED 3 lets it overturn fewer: " + capped + " vs " + linear);
        assertTrue(linear.flagged() * 2 > linear.flips(), "most LINEAR flips are flagged: " + linear);
        Legitimacy.Measure defended = cell(c, m, Weighting.linear(), true, 50);
        assertTrue(defended.flips() < linear.flips(), "budget and challenges take flips away: " + defended);
    }

    @Test
    void whenHonestMembersDeclareExactlyTheirGroupsLevelTheAnchoredCounterfactualCatchesEveryFlip() {
        Legitimacy.Config c = new Legitimacy.Config(
                15, new int[] {200}, new int[] {40}, new int[] {40}, POLICIES, 50, 6, new int[] {0, 50}, 0, 0, 2);
        List<Legitimacy.Measure> m = Legitimacy.run(c);
        for (boolean budget : new boolean[] {false, true}) {
            for (int challenge : new int[] {0, 50}) {
                Legitimacy.Measure linear = cell(c, m, Weighting.linear(), budget, challenge);
                assertTrue(linear.flips() > 0, "the faction still flips: " + linear);
                assertEquals(
                        linear.flips(),
                        linear.flaggedAnchored(),
                        "at the suggested levels the ballots are the honest ones, so it differs every time: " + linear);
                assertEquals(0, linear.alarms(), "and nobody honest is above the level, so it never cries wolf");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameTablesOnAnyNumberOfThreads() {
        assertEquals(Legitimacy.run(tiny(1)), Legitimacy.run(tiny(3)));
        assertEquals(
                Legitimacy.report(tiny(1), Legitimacy.run(tiny(1))),
                Legitimacy.report(tiny(2), Legitimacy.run(tiny(2))));
    }
}
