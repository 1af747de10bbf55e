package org.devolve.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.devolve.tally.io.ResultJson;
import org.devolve.tally.io.TallyDocument;

/** The engine's invariants, over seeded random inputs of every method. */
class TallyPropertiesTest {

    /** Methods whose totals add per ballot, so breakdown cells add up to the totals themselves. */
    private static final EnumSet<Method> ADDITIVE = EnumSet.of(
            Method.APPROVE_REJECT,
            Method.SINGLE_CHOICE,
            Method.APPROVAL,
            Method.SCORE,
            Method.SPLIT,
            Method.RANKED_IRV);

    @Provide
    Arbitrary<Method> methods() {
        return Arbitraries.of(Method.class);
    }

    private static TallyInput random(long seed, Method method) {
        Random rnd = new Random(seed);
        RandomTallies.Shape shape = new RandomTallies.Shape();
        TallyInput.Builder b = RandomTallies.builder(rnd, method, shape);
        if (rnd.nextBoolean()) {
            b.quorum(rnd.nextInt(1_000_001), rnd.nextInt(4));
        }
        if (method == Method.APPROVE_REJECT) {
            switch (rnd.nextInt(3)) {
                case 0:
                    b.threshold(Threshold.TWO_THIRDS);
                    break;
                case 1:
                    b.consent(1 + rnd.nextInt(1_000_000));
                    break;
                default:
                    break;
            }
            if (rnd.nextBoolean()) {
                b.protection(
                        rnd.nextBoolean()
                                ? Protection.majorityOfTopLevel()
                                : new Protection(
                                        Protection.Rule.NO_OBJECTION, 1 + rnd.nextInt(1_000_000), rnd.nextInt(6)));
            }
        }
        if (rnd.nextInt(3) == 0) {
            b.secret(1 + rnd.nextInt(6));
        }
        return b.build();
    }

    private static void sameDecision(TallyResult a, TallyResult b) {
        assertEquals(a.outcome(), b.outcome());
        assertEquals(a.winner(), b.winner());
    }

    @Property(tries = 300)
    void theOrderOfBallotsChangesNothing(@ForAll long seed, @ForAll("methods") Method method) {
        TallyInput in = random(seed, method);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < in.n; i++) {
            rows.add(i);
        }
        Collections.shuffle(rows, new Random(seed + 1));
        TallyResult original = Tally.count(in);
        TallyResult shuffled = Tally.count(
                Rows.permuted(in, rows.stream().mapToInt(Integer::intValue).toArray()));
        sameDecision(original, shuffled);
        assertEquals(original.totals(), shuffled.totals());
        assertEquals(original.ranking(), shuffled.ranking());
        assertEquals(original.turnout(), shuffled.turnout());
        assertEquals(original.counterfactual(), shuffled.counterfactual());
        assertEquals(original.fragility(), shuffled.fragility());
    }

    @Property(tries = 300)
    void scalingEveryWeightByKLeavesSharesUnchanged(@ForAll long seed, @ForAll("methods") Method method) {
        Random rnd = new Random(seed);
        RandomTallies.Shape shape = new RandomTallies.Shape();
        shape.weighting = Weighting.explicit();
        TallyInput in = RandomTallies.input(rnd, method, shape);
        long k = 2 + rnd.nextInt(50);
        TallyResult base = Tally.count(in);
        TallyResult scaled = Tally.count(Rows.scaled(in, k));
        assertEquals(base.outcome(), scaled.outcome());
        assertEquals(base.turnout().turnoutPpm(), scaled.turnout().turnoutPpm());
        for (int i = 0; i < base.totals().size(); i++) {
            long expected = base.totals().get(i) * k;
            long tolerance = ADDITIVE.contains(method) && method != Method.SPLIT ? 0 : 2 * k;
            assertTrue(
                    Math.abs(scaled.totals().get(i) - expected) <= tolerance,
                    "option " + i + ": " + scaled.totals().get(i) + " vs " + expected);
        }
        boolean exactOrder = method != Method.SPLIT && method != Method.QUADRATIC;
        if (exactOrder || (base.ties().isEmpty() && scaled.ties().isEmpty())) {
            assertEquals(base.winner(), scaled.winner());
        }
    }

    @Property(tries = 300)
    void aZeroWeightBallotChangesNothing(@ForAll long seed, @ForAll("methods") Method method) {
        TallyInput in = random(seed, method);
        Random rnd = new Random(seed + 7);
        TallyInput.Builder b = Rows.settings(in);
        for (int row = 0; row < in.n; row++) {
            Rows.copy(in, row, b, 1);
        }
        b.voter("nobody", 0, in.groupIds[0]);
        if (in.weighting.policy() == Policy.EXPLICIT) {
            b.weight(0);
        }
        RandomTallies.ballot(rnd, method, in.k, b, new RandomTallies.Shape());
        TallyResult before = Tally.count(in);
        TallyResult after = Tally.count(b.build());
        sameDecision(before, after);
        assertEquals(before.totals(), after.totals());
        assertEquals(before.turnout(), after.turnout());
        assertEquals(before.breakdown().byGroup(), after.breakdown().byGroup());
    }

    @Property(tries = 300)
    void anotherForNeverLowersTheShareOfFor(@ForAll long seed, @ForAll int stake) {
        TallyInput in = random(seed, Method.APPROVE_REJECT);
        TallyInput.Builder b = Rows.settings(in);
        for (int row = 0; row < in.n; row++) {
            Rows.copy(in, row, b, 1);
        }
        int s = 1 + Math.floorMod(stake, 5);
        b.voter("newcomer", s, in.groupIds[0]);
        if (in.weighting.policy() == Policy.EXPLICIT) {
            b.weight(s * Micro.ONE);
        }
        b.vote(Stance.FOR);
        TallyResult before = Tally.count(in);
        TallyResult after = Tally.count(b.build());
        long forBefore = before.totals().get(0);
        long againstBefore = before.totals().get(1);
        long forAfter = after.totals().get(0);
        long againstAfter = after.totals().get(1);
        // forAfter / (forAfter + againstAfter) ≥ forBefore / (forBefore + againstBefore), cross-multiplied
        assertTrue(Micro.productAtLeast(forAfter, forBefore + againstBefore, forBefore, forAfter + againstAfter));
        if (before.outcome() == TallyResult.Outcome.ADOPTED) {
            assertEquals(TallyResult.Outcome.ADOPTED, after.outcome());
        }
    }

    @Property(tries = 300)
    void delegationNeverCountsAVoterTwice(@ForAll long seed, @ForAll("methods") Method method) {
        TallyInput in = random(seed, method);
        TallyResult result = Tally.count(in);
        TallyResult.Turnout t = result.turnout();
        assertTrue(t.weightCast() <= t.weightDeclared());
        assertTrue(t.headcount() <= t.declarants());
        int[] target = Delegation.resolve(in.delegate, in.voted);
        long cast = 0;
        for (int p = 0; p < in.n; p++) {
            if (target[p] >= 0) {
                assertTrue(in.voted[target[p]], "weight follows only a ballot");
                cast += in.weight[p];
            }
        }
        assertEquals(cast, t.weightCast(), "each person's weight is counted once");
        if (method == Method.SINGLE_CHOICE || method == Method.APPROVE_REJECT || method == Method.SPLIT) {
            assertEquals(
                    cast, result.totals().stream().mapToLong(Long::longValue).sum());
        }
    }

    @Property(tries = 300)
    void breakdownCellsAddUpExactly(@ForAll long seed, @ForAll("methods") Method method) {
        TallyInput in = random(seed, method);
        TallyResult result = Tally.count(in);
        TallyResult.Breakdown b = result.breakdown();
        for (List<TallyResult.Cell> cells : List.of(b.byGroup(), b.byLevel())) {
            long cast = 0;
            long[] sums = new long[b.totals().size()];
            for (TallyResult.Cell cell : cells) {
                cast += cell.weightCast();
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += cell.totals().get(i);
                }
                if (in.secret) {
                    assertTrue(
                            cell.voters() == 0 || cell.voters() >= in.minCellVoters || cells.size() == 1,
                            "no small cell is published");
                }
            }
            assertEquals(result.turnout().weightCast(), cast);
            assertEquals(b.totals(), Count.list(sums));
        }
        if (ADDITIVE.contains(method)) {
            assertEquals(result.totals(), b.totals());
        }
    }

    @Property(tries = 200)
    void aRecountOfTheDocumentGivesTheSameDigits(@ForAll long seed, @ForAll("methods") Method method) {
        TallyInput in = random(seed, method);
        String document = TallyDocument.toJson(in);
        TallyInput again = TallyDocument.fromJson(document);
        assertEquals(document, TallyDocument.toJson(again));
        assertEquals(ResultJson.write(Tally.count(in)), ResultJson.write(Tally.count(again)));
    }

    @Property(tries = 200)
    void theFragileDeclarationsDoFlipTheOutcome(@ForAll long seed, @ForAll("methods") Method method) {
        TallyInput in = random(seed, method);
        TallyResult result = Tally.count(in);
        TallyResult.Fragility f = result.fragility();
        if (!f.flips() || in.secret()) {
            return; // a secret tally's fragility names no one
        }
        TallyInput.Builder b = Rows.settings(in);
        Set<String> lowered = new HashSet<>(f.voters());
        for (int row = 0; row < in.n; row++) {
            if (lowered.contains(in.voters.get(row))) {
                int level = in.groupLevel[in.group[row]];
                b.voter(in.voters.get(row), level, in.groupIds[in.group[row]]);
                if (in.delegate[row] >= 0) {
                    b.delegatesTo(in.voters.get(in.delegate[row]));
                }
                Rows.copyBallot(in, row, b);
            } else {
                Rows.copy(in, row, b, 1);
            }
        }
        TallyResult recount = Tally.count(b.build());
        assertTrue(
                recount.outcome() != result.outcome() || recount.winner() != result.winner(),
                "lowering " + f.voters() + " flips the outcome");
    }
}
