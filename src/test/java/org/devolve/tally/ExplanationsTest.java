package org.devolve.tally;

import static org.devolve.tally.Proposal.units;
import static org.devolve.tally.Stance.AGAINST;
import static org.devolve.tally.Stance.FOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    /** Three tenants who bear the consequences against seven neighbours mildly affected. */
    private static Proposal tenantsAgainstNeighbours() {
        return Proposal.approveReject()
                .inGroup("tenants", 3)
                .voter("ana", 5)
                .votes(AGAINST)
                .voter("bo", 5)
                .votes(AGAINST)
                .voter("cy", 4)
                .votes(AGAINST)
                .inGroup("neighbours", 1)
                .voters(7, 1, p -> p.votes(FOR));
    }

    @Test
    void theBreakdownShowsEachGroupAndLevelSeparately() {
        TallyResult.Breakdown b = tenantsAgainstNeighbours().count().breakdown();
        assertEquals("weight", b.measure());
        TallyResult.Cell tenants = b.byGroup().get(0);
        assertEquals("tenants", tenants.key());
        assertEquals(3, tenants.voters());
        assertEquals(List.of(0L, units("14"), 0L), tenants.totals());
        assertEquals(List.of(units("7"), 0L, 0L), b.byGroup().get(1).totals());
        assertEquals(
                List.of("1", "4", "5"),
                b.byLevel().stream().map(TallyResult.Cell::key).toList());
    }

    @Test
    void secretBallotsMergeSmallCellsIntoOther() {
        TallyResult.Breakdown b = tenantsAgainstNeighbours()
                .inGroup("city", 1)
                .voters(6, 2, p -> p.votes(FOR))
                .secret(5)
                .count()
                .breakdown();
        // the tenants (3) go to "other"; alone there they would still be seen, so the smallest cell (city, 6)
        // joins them; the neighbours (7) stay
        assertEquals(
                List.of("neighbours", "other"),
                b.byGroup().stream().map(TallyResult.Cell::key).toList());
        assertEquals(9, b.byGroup().get(1).voters());
        assertEquals(List.of(units("12"), units("14"), 0L), b.byGroup().get(1).totals());
        for (TallyResult.Cell cell : b.byLevel()) {
            assertTrue(cell.voters() == 0 || cell.voters() >= 5, cell.toString());
        }
    }

    @Test
    void theCounterfactualCountsEachVoterOnce() {
        TallyResult result = tenantsAgainstNeighbours().count();
        assertEquals(TallyResult.Outcome.REJECTED, result.outcome());
        TallyResult.Counterfactual c = result.counterfactual();
        assertEquals(TallyResult.Outcome.ADOPTED, c.outcome());
        assertEquals(List.of(units("7"), units("3"), 0L), c.totals());
        assertTrue(c.changesOutcome());
    }

    @Test
    void aResultCarriedByAFewHighStakesIsFragileAndNamesThem() {
        // neighbours FOR: 7; tenants AGAINST: 5 + 5 + 4 = 14; lowered to 3 each: 9, still AGAINST; ... the
        // greedy lowers ana, then bo (stake 5, by id), then cy: 3+3+3 = 9 > 7, so the result is robust
        TallyResult robust = tenantsAgainstNeighbours().count();
        assertFalse(robust.fragility().flips());
        assertTrue(robust.fragility().applicable());

        TallyResult fragile = Proposal.approveReject()
                .inGroup("tenants", 1)
                .voter("ana", 5)
                .votes(AGAINST)
                .voter("bo", 4)
                .votes(AGAINST)
                .inGroup("neighbours", 1)
                .voters(7, 1, p -> p.votes(FOR))
                .count();
        assertEquals(TallyResult.Outcome.REJECTED, fragile.outcome(), "9 against 7");
        TallyResult.Fragility f = fragile.fragility();
        assertTrue(f.flips());
        assertEquals(1, f.count(), "lowering ana to 1 gives 5 against 7");
        assertEquals(List.of("ana"), f.voters());
        assertTrue(f.fragile());
    }

    /**
     * Issue 15: a result is fragile at any count. The old bound, max(3, 1 % of the headcount), let a flip that
     * needs more than three declarations pass unflagged; a faction of six cannot hide behind its own size.
     */
    @Test
    void aFlipNeedingMoreThanThreeDeclarationsIsFlaggedFragile() {
        // tenants (suggested level 1) AGAINST: 6 × 5 = 30; neighbours FOR: 12 × 1 = 12; each tenant lowered to 1
        // takes 4 away: four leave 14 against 12, five leave 10 against 12
        TallyResult result = Proposal.approveReject()
                .inGroup("tenants", 1)
                .voters(6, 5, p -> p.votes(AGAINST))
                .inGroup("neighbours", 1)
                .voters(12, 1, p -> p.votes(FOR))
                .count();
        assertEquals(TallyResult.Outcome.REJECTED, result.outcome(), "30 against 12");
        TallyResult.Fragility f = result.fragility();
        assertTrue(f.flips());
        assertEquals(5, f.count(), "five of the six tenants decide the outcome, more than max(3, 18 / 100)");
        List<String> tenants = List.of("anon-0", "anon-1", "anon-2", "anon-3", "anon-4", "anon-5");
        assertEquals(5, f.voters().size());
        assertTrue(tenants.containsAll(f.voters()), "only tenants are lowered: " + f.voters());
        assertTrue(f.fragile(), "flagged although it takes five declarations");
    }

    @Test
    void lowerableNonVotersCountTooBecauseTheyChangeTheTurnout() {
        TallyResult result = Proposal.approveReject()
                .quorum("0.5", 0)
                .inGroup("tenants", 1)
                .voter("ana", 2)
                .votes(FOR)
                .voter("bo", 5)
                .count();
        assertEquals(TallyResult.Outcome.NO_QUORUM, result.outcome());
        assertEquals(List.of("bo"), result.fragility().voters(), "bo at 1 makes the turnout 2 of 3");
    }

    @Test
    void explicitWeightsHaveNoFragility() {
        TallyResult result = Proposal.singleChoice("A", "B")
                .weighted(Weighting.explicit())
                .voter("federation", 5)
                .weighs("1200")
                .chooses(0)
                .count();
        assertFalse(result.fragility().applicable());
    }

    @Test
    void irvFragilityIsFoundByGalloping() {
        Proposal p = Proposal.of(Method.RANKED_IRV, "A", "B", "C").inGroup("everyone", 1);
        p.voter("ana", 5).ranks(0, 1, 2);
        p.voters(3, 1, x -> x.ranks(1, 2, 0)).voters(2, 1, x -> x.ranks(2, 1, 0));
        TallyResult result = p.count();
        assertEquals(0, result.winner(), "A holds 5 of 10 first preferences, B 3, C 2; C goes, B gets 5");
        // A 5 vs B 5 after C's transfer: tie, lower index A. Lowering ana to 1 gives A 1, B 3, C 2: A goes.
        assertEquals("galloping", result.fragility().search());
        assertEquals(List.of("ana"), result.fragility().voters());
    }
}
