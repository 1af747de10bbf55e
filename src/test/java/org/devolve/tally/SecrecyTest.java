package org.devolve.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.devolve.tally.io.ResultJson;
import org.devolve.tally.io.TallyDocument;
import org.junit.jupiter.api.Test;

/**
 * What a secret tally publishes: nothing that names a voter, nothing in an order that could, and no class of
 * published rows below k beyond what the weighting itself singles out (and then said so). Each property is an
 * attack: relabel the voters, reorder the rows, publish again, count the published form — and the published
 * document, or the count, must not move.
 */
class SecrecyTest {

    private static TallyInput secret(long seed, Method method) {
        Random rnd = new Random(seed);
        RandomTallies.Shape shape = new RandomTallies.Shape();
        shape.maxBallots = 60;
        TallyInput.Builder b = RandomTallies.builder(rnd, method, shape);
        b.secret(1 + rnd.nextInt(6));
        return b.build();
    }

    @Provide
    Arbitrary<Method> methods() {
        return Arbitraries.of(Method.values());
    }

    @Property(tries = 300)
    void thePublishedDocumentNamesNobody(@ForAll long seed, @ForAll("methods") Method method) {
        TallyInput published = Tally.published(secret(seed, method));
        String document = TallyDocument.toJson(published);
        assertFalse(document.contains("\"voter\""), document);
        assertFalse(document.contains("\"delegate\""), document);
        for (int row = 0; row < published.size(); row++) {
            assertNull(published.voter(row));
        }
        assertTrue(Tally.count(published).fragility().voters().isEmpty(), "fragility names nobody");
    }

    /**
     * The counting order (what a million-row close uses) is the published order by its definition: the same rows in
     * the same places, for any ranks, ways the ballot came and ballots, under every weighting that follows levels.
     */
    @Property(tries = 300)
    void theCountingOrderIsThePublishedOrder(@ForAll long seed, @ForAll("oneNumberMethods") Method method) {
        Random rnd = new Random(seed);
        RandomTallies.Shape shape = new RandomTallies.Shape();
        shape.maxBallots = 80;
        shape.weighting = Weighting.sqrt();
        TallyInput in = RandomTallies.input(rnd, method, shape);
        int n = in.size();
        int[] rank = new int[n];
        byte[] via = new byte[n];
        int[] ballot = new int[n];
        // a rank is a published class: every row of one has the same weight (weights follow levels)
        long[] weights =
                IntStream.range(0, n).mapToLong(in::weight).distinct().sorted().toArray();
        int split = 1 + rnd.nextInt(3);
        for (int p = 0; p < n; p++) {
            rank[p] = Arrays.binarySearch(weights, in.weight(p)) * split + rnd.nextInt(split);
            via[p] = (byte) rnd.nextInt(3);
            int from = rnd.nextInt(n);
            ballot[p] = rnd.nextInt(4) == 0 || !in.voted[from] ? -1 : from;
        }
        int[] counted = Secrecy.countingOrder(in, rank, via, ballot);
        assertTrue(counted != null, "a few buckets: counted");
        assertEquals(Arrays.toString(Secrecy.comparatorOrder(in, rank, via, ballot)), Arrays.toString(counted));
    }

    /**
     * Publishing one-number ballots in runs (no row sorted) gives the document that sorting the rows gives, byte for
     * byte, under every weighting that follows levels; publishing it again changes nothing, and both ways see alike
     * when there is nothing to do.
     */
    @Property(tries = 300)
    void publishingInRunsIsPublishingBySorting(@ForAll long seed, @ForAll("oneNumberMethods") Method method) {
        Random rnd = new Random(seed);
        RandomTallies.Shape shape = new RandomTallies.Shape();
        shape.maxBallots = 80;
        Weighting[] weightings = {Weighting.linear(), Weighting.sqrt(), Weighting.capped(1 + rnd.nextInt(5))};
        shape.weighting = weightings[rnd.nextInt(weightings.length)];
        TallyInput.Builder b = RandomTallies.builder(rnd, method, shape);
        b.secret(1 + rnd.nextInt(6));
        TallyInput in = b.build();
        TallyInput runs = Secrecy.publish(in, true);
        TallyInput sorted = Secrecy.publish(in, false);
        assertEquals(TallyDocument.toJson(sorted), TallyDocument.toJson(runs));
        assertEquals(TallyDocument.toJson(runs), TallyDocument.toJson(Secrecy.publish(runs, true)), "again: the same");
        assertEquals(
                Secrecy.publish(runs, false) == runs,
                Secrecy.publish(runs, true) == runs,
                "both ways see alike that an input is published already (and return it as it is)");
        TallyInput read = TallyDocument.fromJson(TallyDocument.toJson(runs));
        assertEquals(TallyDocument.toJson(runs), TallyDocument.toJson(Secrecy.publish(read, true)));
        assertEquals(ResultJson.write(Tally.count(in)), ResultJson.write(Tally.count(read)));
    }

    /**
     * Counting a secret input in runs (one row per run of identical published rows, counted as many times as it
     * stands for) gives what counting its published rows one by one gives, digit for digit: totals, turnout, quorum,
     * threshold, protection, breakdown cells, both counterfactuals, delegation, fragility and the secrecy report —
     * under every weighting that follows levels, with delegation, hidden levels, "other", small k, and quorum,
     * threshold and protection drawn at random (so that verdicts and fragility flip on some tries).
     */
    @Property(tries = 500)
    void countingInRunsIsCountingRowByRow(@ForAll long seed, @ForAll("oneNumberMethods") Method method) {
        Random rnd = new Random(seed);
        RandomTallies.Shape shape = new RandomTallies.Shape();
        shape.maxBallots = 80;
        Weighting[] weightings = {
            Weighting.linear(), Weighting.sqrt(), Weighting.equal(), Weighting.capped(1 + rnd.nextInt(5))
        };
        shape.weighting = weightings[rnd.nextInt(weightings.length)];
        TallyInput.Builder b = RandomTallies.builder(rnd, method, shape);
        b.secret(1 + rnd.nextInt(6));
        b.quorum(rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(1_000_001), rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(60));
        if (method == Method.APPROVE_REJECT) {
            switch (rnd.nextInt(4)) {
                case 0 -> b.threshold(Threshold.TWO_THIRDS);
                case 1 -> b.consent(1 + rnd.nextInt(1_000_000));
                default -> {}
            }
            switch (rnd.nextInt(3)) {
                case 0 -> b.protection(new Protection(Protection.Rule.MAJORITY, 0, rnd.nextInt(6)));
                case 1 ->
                    b.protection(
                            new Protection(Protection.Rule.NO_OBJECTION, 1 + rnd.nextInt(1_000_000), rnd.nextInt(6)));
                default -> {}
            }
        }
        TallyInput in = b.build();
        TallyInput runs = Secrecy.forCounting(in);
        assertTrue(in.size() == 0 || runs.times != null, "one-number ballots under weights by level: in runs");
        assertEquals(
                ResultJson.write(Tally.explain(Secrecy.publish(in, false))),
                ResultJson.write(Tally.count(in)),
                "in runs and row by row: the same result");
        assertEquals(
                TallyDocument.toJson(Secrecy.publish(in)),
                TallyDocument.toJson(runs.expanded()),
                "the runs written out are the published rows");
    }

    @Provide
    Arbitrary<Method> oneNumberMethods() {
        return Arbitraries.of(Method.SINGLE_CHOICE, Method.APPROVE_REJECT);
    }

    /** The attack of issue 9: order the export by member id and pair it with the stake list. */
    @Property(tries = 300)
    void relabellingAndReorderingTheVotersChangesNothingPublished(@ForAll long seed, @ForAll("methods") Method method) {
        TallyInput in = secret(seed, method);
        Random rnd = new Random(seed ^ 0x5EC2E7L);
        int[] order = shuffled(rnd, in.size());
        Map<String, String> rename = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int row = 0; row < in.size(); row++) {
            names.add("someone-" + Long.toHexString(rnd.nextLong()));
        }
        for (int row = 0; row < in.size(); row++) {
            rename.put(in.voter(row), names.get(order[row]));
        }
        TallyInput.Builder b = Rows.settings(in);
        for (int row : order) {
            b.voter(rename.get(in.voter(row)), in.stake(row), in.groupOf(row));
            if (in.weighting().policy() == Policy.EXPLICIT) {
                b.weight(in.weight(row));
            }
            if (in.delegateOf(row) != null) {
                b.delegatesTo(rename.get(in.delegateOf(row)));
            }
            Rows.copyBallot(in, row, b);
        }
        TallyInput relabelled = b.build();
        assertEquals(TallyDocument.toJson(Tally.published(in)), TallyDocument.toJson(Tally.published(relabelled)));
        assertEquals(ResultJson.write(Tally.count(in)), ResultJson.write(Tally.count(relabelled)));
    }

    @Property(tries = 300)
    void publishingIsDoneOnceAndTheDocumentRecountsToTheSameBytes(@ForAll long seed, @ForAll("methods") Method method) {
        TallyInput in = secret(seed, method);
        TallyInput published = Tally.published(in);
        String document = TallyDocument.toJson(published);
        TallyInput read = TallyDocument.fromJson(document);
        assertEquals(document, TallyDocument.toJson(Tally.published(read)), "publishing again changes nothing");
        assertEquals(ResultJson.write(Tally.count(in)), ResultJson.write(Tally.count(read)));
    }

    @Property(tries = 300)
    void secrecyNeverChangesTheDecision(@ForAll long seed, @ForAll("methods") Method method) {
        TallyInput in = secret(seed, method);
        TallyResult published = Tally.count(in);
        TallyResult plain = Tally.count(Rows.permuted(publicCopy(in), identity(in.size())));
        assertEquals(plain.outcome(), published.outcome());
        assertEquals(plain.winner(), published.winner());
        assertEquals(plain.totals(), published.totals());
        assertEquals(plain.turnout(), published.turnout());
        assertEquals(plain.quorum(), published.quorum());
        assertEquals(plain.protection(), published.protection());
        assertEquals(plain.delegation(), published.delegation());
        assertEquals(plain.counterfactual(), published.counterfactual());
        assertEquals(plain.anchored(), published.anchored());
    }

    @Property(tries = 300)
    void everyPublishedClassHoldsKOrIsSaidToBeSmall(@ForAll long seed, @ForAll("methods") Method method) {
        TallyInput in = secret(seed, method);
        TallyInput published = Tally.published(in);
        TallyResult result = Tally.count(in);
        List<TallyResult.SmallClass> small = result.secrecy().smallClasses();
        for (TallyResult.SmallClass c : Secrecy.classes(published)) {
            if (c.declarations() < in.minCellVoters()) {
                assertTrue(small.contains(c), c + " is small and must be listed in " + small);
                assertEquals(TallyInput.OTHER, c.group(), "a small class never publishes its group: " + c);
            }
        }
    }

    @Test
    void underEqualWeightingALoneVitalStakeIsNotSingledOut() {
        Proposal p = Proposal.approveReject().weighted(Weighting.equal()).inGroup("tenants", 3);
        for (int i = 0; i < 6; i++) {
            p.voter("t" + i, 2).votes(Stance.FOR);
        }
        p.voter("vital", 5).votes(Stance.AGAINST);
        TallyInput in = secretCopy(p.input(), 5);
        TallyResult result = Tally.count(in);
        assertEquals(List.of(), result.secrecy().smallClasses(), "every ballot weighs 1: nothing singles one out");
        String document = TallyDocument.toJson(Tally.published(in));
        assertFalse(document.contains("\"stake\":5"), "the lone level 5 is not published:\n" + document);
        assertEquals("1.000000", Micro.format(Tally.published(in).weight(6)));
    }

    @Test
    void underLinearWeightingALoneVitalStakeIsSingledOutAndTheResultSaysSo() {
        Proposal p = Proposal.approveReject().weighted(Weighting.linear()).inGroup("tenants", 3);
        for (int i = 0; i < 6; i++) {
            p.voter("t" + i, 2).votes(Stance.FOR);
        }
        for (int i = 0; i < 5; i++) {
            p.voter("u" + i, 3).votes(i % 2 == 0 ? Stance.FOR : Stance.AGAINST);
        }
        p.voter("vital", 5).votes(Stance.AGAINST);
        TallyResult result = Tally.count(secretCopy(p.input(), 5));
        assertEquals(1, result.secrecy().smallClasses().size(), result.secrecy().toString());
        TallyResult.SmallClass lone = result.secrecy().smallClasses().get(0);
        assertEquals(5_000_000, lone.weight());
        assertEquals(1, lone.declarations());
        assertEquals(1, lone.ballots());
        assertTrue(result.secrecy().unequalWeights());
        assertTrue(
                result.secrecy().unanimous().stream()
                        .anyMatch(
                                u -> u.breakdown().equals("byLevel") && u.key().equals("2")),
                "the six at level 2 all voted FOR: " + result.secrecy().unanimous());
    }

    @Test
    void aDelegationIsPublishedAsTheBallotItFollowedWithoutNamingEither() {
        Proposal p = Proposal.approveReject().weighted(Weighting.equal()).inGroup("g", 3);
        for (int i = 0; i < 5; i++) {
            p.voter("v" + i, 3).votes(Stance.FOR);
        }
        p.voter("d", 3).delegatesTo("v0");
        p.voter("lost", 3).delegatesTo("nobody-votes");
        p.voter("nobody-votes", 3);
        TallyInput in = secretCopy(p.input(), 5);
        TallyInput published = Tally.published(in);
        int followed = 0;
        int lost = 0;
        for (int row = 0; row < published.size(); row++) {
            followed += published.followed(row) ? 1 : 0;
            lost += published.lost(row) ? 1 : 0;
        }
        assertEquals(1, followed);
        assertEquals(1, lost);
        assertEquals(Tally.count(in).delegation(), Tally.count(publicCopy(in)).delegation());
    }

    private static TallyInput secretCopy(TallyInput in, int k) {
        TallyInput.Builder b = Rows.settings(in).secret(k);
        for (int row = 0; row < in.size(); row++) {
            Rows.copy(in, row, b, 1);
        }
        return b.build();
    }

    private static TallyInput publicCopy(TallyInput in) {
        TallyInput.Builder b = TallyInput.builder(
                        in.method, in.method == Method.APPROVE_REJECT ? List.of() : in.options)
                .weighting(in.weighting)
                .quorum(in.quorumPpm, in.quorumHeadcount);
        if (in.threshold == Threshold.CONSENT) {
            b.consent(in.objectionPpm);
        } else if (in.threshold != null) {
            b.threshold(in.threshold);
        }
        if (in.protection != null) {
            b.protection(in.protection);
        }
        for (int g = 0; g < in.groupIds.length; g++) {
            b.group(in.groupIds[g], in.groupNames[g], in.groupLevel[g]);
        }
        for (int row = 0; row < in.n; row++) {
            Rows.copy(in, row, b, 1);
        }
        return b.build();
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static int[] shuffled(Random rnd, int n) {
        int[] out = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
