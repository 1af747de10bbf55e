package org.devolve.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Invalid input is refused with stable reason codes and paths, every fault at once. */
class ValidationTest {

    private static List<Violation> violations(Supplier<Object> build) {
        return assertThrows(InvalidTallyException.class, build::get).violations();
    }

    private static void refused(Reason reason, String path, Supplier<Object> build) {
        List<Violation> violations = violations(build);
        assertEquals(reason, violations.get(0).reason(), violations.toString());
        assertEquals(path, violations.get(0).path());
    }

    @Test
    void anUnknownOptionIsRefused() {
        refused(
                Reason.OPTION_UNKNOWN,
                "ballots[0].choice",
                () -> Proposal.singleChoice("A", "B").voter("ana", 1).chooses(2).input());
    }

    @Test
    void aDuplicateInARankingIsRefused() {
        refused(
                Reason.RANKING_DUPLICATE,
                "ballots[0].ranking[2]",
                () -> Proposal.of(Method.RANKED_SCHULZE, "A", "B", "C")
                        .voter("ana", 1)
                        .ranks(0, 1, 0)
                        .input());
    }

    @Test
    void anEmptyRankingIsRefused() {
        refused(
                Reason.RANKING_EMPTY,
                "ballots[0].ranking",
                () -> Proposal.of(Method.RANKED_IRV, "A", "B")
                        .voter("ana", 1)
                        .ranks()
                        .input());
    }

    @Test
    void aDuplicateApprovalIsRefused() {
        refused(
                Reason.APPROVAL_DUPLICATE,
                "ballots[0].approvals[1]",
                () -> Proposal.of(Method.APPROVAL, "A", "B")
                        .voter("ana", 1)
                        .approves(1, 1)
                        .input());
    }

    @Test
    void scoresMustCoverEveryOptionWithinZeroToFive() {
        refused(
                Reason.SCORES_INVALID,
                "ballots[0].scores",
                () -> Proposal.of(Method.SCORE, "A", "B")
                        .voter("ana", 1)
                        .scores(3)
                        .input());
        refused(
                Reason.SCORES_INVALID,
                "ballots[0].scores[1]",
                () -> Proposal.of(Method.SCORE, "A", "B")
                        .voter("ana", 1)
                        .scores(3, 6)
                        .input());
    }

    @Test
    void anAllocationNeedsAPoint() {
        refused(
                Reason.ALLOCATION_EMPTY,
                "ballots[0].allocation",
                () -> Proposal.of(Method.SPLIT, "A", "B")
                        .voter("ana", 1)
                        .allocates(0, 0)
                        .input());
        refused(
                Reason.ALLOCATION_INVALID,
                "ballots[0].allocation.1",
                () -> Proposal.of(Method.QUADRATIC, "A", "B")
                        .voter("ana", 1)
                        .allocates(1, -1)
                        .input());
    }

    @Test
    void aBallotOfAnotherMethodIsRefused() {
        refused(
                Reason.BALLOT_KIND_INVALID,
                "ballots[0].ranking",
                () -> Proposal.singleChoice("A", "B")
                        .voter("ana", 1)
                        .ranks(0, 1)
                        .input());
    }

    @Test
    void aStakeIsZeroToFive() {
        refused(
                Reason.STAKE_INVALID,
                "ballots[0].stake",
                () -> Proposal.singleChoice("A").voter("ana", 6).chooses(0).input());
    }

    @Test
    void aGivenWeightMustMatchThePolicy() {
        refused(
                Reason.WEIGHT_MISMATCH,
                "ballots[0].weight",
                () -> Proposal.singleChoice("A")
                        .weighted(Weighting.sqrt())
                        .voter("ana", 2)
                        .weighs("1.414213")
                        .chooses(0)
                        .input());
    }

    @Test
    void explicitWeightingNeedsAWeightAndNoneForStakeZero() {
        refused(
                Reason.WEIGHT_REQUIRED,
                "ballots[0].weight",
                () -> Proposal.singleChoice("A")
                        .weighted(Weighting.explicit())
                        .voter("ana", 2)
                        .chooses(0)
                        .input());
        refused(
                Reason.WEIGHT_MISMATCH,
                "ballots[0].weight",
                () -> Proposal.singleChoice("A")
                        .weighted(Weighting.explicit())
                        .voter("ana", 0)
                        .weighs("3")
                        .chooses(0)
                        .input());
    }

    @Test
    void voterIdsAreUniqueAndDelegatesKnown() {
        refused(
                Reason.VOTER_DUPLICATE,
                "ballots[1].voter",
                () -> Proposal.singleChoice("A").voter("ana", 1).voter("ana", 2).input());
        refused(
                Reason.DELEGATE_UNKNOWN,
                "ballots[0].delegate",
                () -> Proposal.singleChoice("A")
                        .voter("ana", 1)
                        .delegatesTo("zed")
                        .input());
    }

    /**
     * Ids are indexed in partitions by hash (five thousand rows make two): every later row of an id is refused, in
     * row order, and delegates forward and backward resolve to the first row of theirs.
     */
    @Test
    void duplicatesAmongThousandsOfRowsAreEachNamedAndDelegatesFindTheirRows() {
        TallyInput.Builder b =
                TallyInput.builder(Method.SINGLE_CHOICE, List.of("A", "B")).group("g", "g", 5);
        for (int i = 0; i < 5000; i++) {
            b.voter("v" + i, 1, "g").choice(i % 2);
        }
        b.voter("v7", 1, "g").choice(0).voter("v4999", 1, "g").choice(1);
        assertEquals(
                List.of("ballots[5000].voter", "ballots[5001].voter"),
                violations(b::build).stream().map(Violation::path).toList());

        TallyInput.Builder ok =
                TallyInput.builder(Method.SINGLE_CHOICE, List.of("A", "B")).group("g", "g", 5);
        ok.voter("first", 1, "g").delegatesTo("v4999");
        for (int i = 0; i < 5000; i++) {
            ok.voter("v" + i, 1, "g").choice(i % 2);
        }
        ok.voter("last", 1, "g").delegatesTo("v5");
        TallyInput in = ok.build();
        assertEquals("v4999", in.delegateOf(0));
        assertEquals("v5", in.delegateOf(5001));
        assertEquals(5000, in.delegate[0]);
        assertEquals(6, in.delegate[5001]);
    }

    @Test
    void thresholdsAndProtectionBelongToApproveReject() {
        refused(
                Reason.THRESHOLD_INVALID,
                "threshold",
                () -> Proposal.singleChoice("A").threshold(Threshold.TWO_THIRDS).input());
        refused(
                Reason.PROTECTION_INVALID,
                "protection",
                () -> Proposal.singleChoice("A")
                        .protect(Protection.majorityOfTopLevel())
                        .input());
    }

    @Test
    void everyFaultIsReportedAtOnce() {
        List<Violation> violations = violations(() -> Proposal.singleChoice("A", "B")
                .voter("ana", 1)
                .chooses(5)
                .voter("bo", 9)
                .chooses(0)
                .voter("ana", 1)
                .chooses(0)
                .input());
        assertEquals(
                List.of(Reason.OPTION_UNKNOWN, Reason.STAKE_INVALID, Reason.VOTER_DUPLICATE),
                violations.stream().map(Violation::reason).toList());
    }
}
