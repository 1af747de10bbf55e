package org.devolve.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.devolve.tally.io.ResultJson;
import org.junit.jupiter.api.Test;

/** The anchored counterfactual: the same ballots, every declaration above its group's suggested level counted at it. */
class AnchoredCounterfactualTest {

    @Test
    void inflatedDeclarationsThatDecideAreShownToDecide() {
        // Two tenants (suggested 2) claim 5 and vote FOR; three neighbours at 2 vote AGAINST. Claimed: FOR 10 vs 6.
        TallyResult r = Proposal.approveReject()
                .inGroup("tenants", 2)
                .voter("a", 5)
                .votes(Stance.FOR)
                .voter("b", 5)
                .votes(Stance.FOR)
                .voter("c", 2)
                .votes(Stance.AGAINST)
                .voter("d", 2)
                .votes(Stance.AGAINST)
                .voter("e", 2)
                .votes(Stance.AGAINST)
                .count();
        assertEquals(TallyResult.Outcome.ADOPTED, r.outcome());
        TallyResult.Anchored a = r.anchored();
        assertEquals(TallyResult.Outcome.REJECTED, a.outcome(), "at the suggested level: FOR 4 vs AGAINST 6");
        assertTrue(a.changesOutcome());
        assertEquals(2, a.lowered());
        assertEquals(Proposal.units("6"), a.weightRemoved());
        assertEquals(List.of(Proposal.units("4"), Proposal.units("6"), 0L), a.totals());
        assertTrue(ResultJson.write(r).contains("\"anchored\": {"), "the result writes it");
    }

    @Test
    void withNobodyAboveTheSuggestedLevelItIsTheResult() {
        TallyResult r = Proposal.singleChoice("A", "B")
                .inGroup("g", 5)
                .voter("a", 4)
                .chooses(0)
                .voter("b", 3)
                .chooses(1)
                .count();
        assertFalse(r.anchored().changesOutcome());
        assertEquals(0, r.anchored().lowered());
        assertEquals(r.totals(), r.anchored().totals());
    }

    @Test
    void underEqualWeightingLoweringChangesNoWeight() {
        TallyResult r = Proposal.approveReject()
                .weighted(Weighting.equal())
                .inGroup("g", 1)
                .voter("a", 5)
                .votes(Stance.FOR)
                .count();
        assertEquals(0, r.anchored().lowered());
    }

    @Test
    void explicitWeightsHaveNoAnchoredCounterfactual() {
        TallyResult r = Proposal.approveReject()
                .weighted(Weighting.explicit())
                .inGroup("g", 1)
                .voter("a", 5)
                .weighs("3")
                .votes(Stance.FOR)
                .count();
        assertNull(r.anchored());
    }
}
