package org.devolve.tally;

import static org.devolve.tally.Proposal.units;
import static org.devolve.tally.Stance.ABSTAIN;
import static org.devolve.tally.Stance.AGAINST;
import static org.devolve.tally.Stance.FOR;
import static org.devolve.tally.TallyResult.Outcome.ADOPTED;
import static org.devolve.tally.TallyResult.Outcome.NO_QUORUM;
import static org.devolve.tally.TallyResult.Outcome.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApproveRejectTest {

    @Test
    void aWeightedMajorityAdopts() {
        TallyResult result = Proposal.approveReject()
                .voter("ana", 5)
                .votes(FOR)
                .voter("bo", 2)
                .votes(AGAINST)
                .voter("cy", 2)
                .votes(AGAINST)
                .count();
        assertEquals(ADOPTED, result.outcome());
        assertEquals(List.of(units("5"), units("4"), 0L), result.totals());
    }

    @Test
    void anExactTieKeepsTheStatusQuoAndSaysSo() {
        TallyResult result = Proposal.approveReject()
                .voter("ana", 3)
                .votes(FOR)
                .voter("bo", 3)
                .votes(AGAINST)
                .count();
        assertEquals(REJECTED, result.outcome());
        assertEquals(TallyResult.TieRule.STATUS_QUO, result.ties().get(0).rule());
    }

    @Test
    void abstentionsCountInTheTurnoutButNotInTheMajority() {
        TallyResult result = Proposal.approveReject()
                .quorum("0.9", 0)
                .voter("ana", 2)
                .votes(FOR)
                .voter("bo", 1)
                .votes(AGAINST)
                .voter("cy", 5)
                .votes(ABSTAIN)
                .count();
        assertEquals(ADOPTED, result.outcome());
        assertTrue(result.quorum().met());
    }

    @Test
    void twoThirdsIsReachedAtExactlyTwiceTheAgainst() {
        Proposal exactly = Proposal.approveReject()
                .threshold(Threshold.TWO_THIRDS)
                .voter("ana", 4)
                .votes(FOR)
                .voter("bo", 2)
                .votes(AGAINST);
        assertEquals(ADOPTED, exactly.count().outcome());
        Proposal short1 = Proposal.approveReject()
                .threshold(Threshold.TWO_THIRDS)
                .voter("ana", 3)
                .votes(FOR)
                .voter("bo", 2)
                .votes(AGAINST);
        assertEquals(REJECTED, short1.count().outcome());
    }

    @Test
    void twoThirdsNeedsSomeFor() {
        TallyResult result = Proposal.approveReject()
                .threshold(Threshold.TWO_THIRDS)
                .voter("ana", 4)
                .votes(ABSTAIN)
                .count();
        assertEquals(REJECTED, result.outcome());
    }

    @Test
    void consentIsGivenUnlessAgainstReachesTheObjectionShareOfAllWeightCast() {
        // cast 10 (FOR 7, AGAINST 2, ABSTAIN 1); 2 < 25% of 10
        Proposal belowObjection = Proposal.approveReject()
                .consent("0.25")
                .voter("ana", 5)
                .votes(FOR)
                .voter("bo", 2)
                .votes(FOR)
                .voter("cy", 2)
                .votes(AGAINST)
                .voter("di", 1)
                .votes(ABSTAIN);
        assertEquals(ADOPTED, belowObjection.count().outcome());
        // AGAINST 2 of cast 8 is exactly 25%: objection reached
        Proposal atObjection = Proposal.approveReject()
                .consent("0.25")
                .voter("ana", 5)
                .votes(FOR)
                .voter("bo", 1)
                .votes(FOR)
                .voter("cy", 2)
                .votes(AGAINST);
        TallyResult result = atObjection.count();
        assertEquals(REJECTED, result.outcome());
        assertFalse(result.threshold().met());
    }

    @Test
    void quorumIsMetAtExactlyTheRequiredTurnout() {
        Proposal half = Proposal.approveReject()
                .quorum("0.5", 0)
                .voter("ana", 3)
                .votes(FOR)
                .voter("bo", 3);
        assertEquals(ADOPTED, half.count().outcome());
        Proposal less = Proposal.approveReject()
                .quorum("0.5", 0)
                .voter("ana", 3)
                .votes(FOR)
                .voter("bo", 4);
        TallyResult result = less.count();
        assertEquals(NO_QUORUM, result.outcome());
        assertFalse(result.quorum().turnoutMet());
        assertEquals(units("7"), result.turnout().weightDeclared());
    }

    @Test
    void aHeadcountQuorumCountsPeopleNotWeight() {
        TallyResult result = Proposal.approveReject()
                .quorum("0", 3)
                .voter("ana", 5)
                .votes(FOR)
                .voter("bo", 5)
                .votes(FOR)
                .count();
        assertEquals(NO_QUORUM, result.outcome());
        assertTrue(result.quorum().turnoutMet());
        assertFalse(result.quorum().headcountMet());
    }

    @Test
    void nothingCastIsNoQuorumEvenWithoutAQuorum() {
        assertEquals(NO_QUORUM, Proposal.approveReject().count().outcome());
        assertEquals(NO_QUORUM, Proposal.approveReject().voter("ana", 3).count().outcome());
    }

    /** A large, mildly affected majority cannot overrule the few who bear most of the consequences. */
    private static Proposal aLargeMildMajorityForAndTheMostAffectedAgainst(Protection protection) {
        return Proposal.approveReject()
                .protect(protection)
                .inGroup("city", 1)
                .voters(20, 1, p -> p.votes(FOR))
                .inGroup("tenants", 4)
                .voter("ana", 5)
                .votes(AGAINST)
                .voter("bo", 5)
                .votes(AGAINST)
                .voter("cy", 5)
                .votes(FOR)
                .voter("di", 4)
                .votes(FOR);
    }

    @Test
    void protectionRejectsWhatTheHighestLevelPresentOpposes() {
        TallyResult result = aLargeMildMajorityForAndTheMostAffectedAgainst(Protection.majorityOfTopLevel())
                .count();
        assertEquals(REJECTED, result.outcome());
        assertTrue(result.threshold().met(), "the overall majority is FOR");
        assertEquals(5, result.protection().fromLevel());
        assertEquals(List.of(units("5"), units("10"), 0L), result.protection().totals());
        assertFalse(result.protection().met());
    }

    @Test
    void protectionFromAFloorLevelCountsEveryLevelAboveIt() {
        TallyResult result = aLargeMildMajorityForAndTheMostAffectedAgainst(
                        new Protection(Protection.Rule.MAJORITY, 0, 4))
                .count();
        assertEquals(List.of(units("9"), units("10"), 0L), result.protection().totals());
        assertEquals(REJECTED, result.outcome());
    }

    @Test
    void noObjectionProtectionToleratesObjectionUpToX() {
        Protection upToTwoThirds = new Protection(Protection.Rule.NO_OBJECTION, 666_667, 0);
        assertEquals(
                ADOPTED,
                aLargeMildMajorityForAndTheMostAffectedAgainst(upToTwoThirds)
                        .count()
                        .outcome());
        Protection upToHalf = new Protection(Protection.Rule.NO_OBJECTION, 500_000, 0);
        assertEquals(
                REJECTED,
                aLargeMildMajorityForAndTheMostAffectedAgainst(upToHalf).count().outcome());
    }
}
