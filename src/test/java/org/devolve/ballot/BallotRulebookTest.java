package org.devolve.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.devolve.platform.problem.Violation;
import org.devolve.tally.InvalidTallyException;
import org.devolve.tally.Method;
import org.devolve.tally.Reason;
import org.devolve.tally.Stance;
import org.devolve.tally.Tally;
import org.devolve.tally.TallyInput;
import org.junit.jupiter.api.Test;

/**
 * One rulebook: every ballot the API accepts is one the engine counts, so a single voter can never make a proposal
 * impossible to close (issue 10: {@code {"0":1000000,"1":1000000}} and {@code {"00":5,"0":0}} were accepted, and
 * then no close could count them). And what the API refuses, it refuses with the engine's reason codes.
 */
class BallotRulebookTest {

    @Provide
    Arbitrary<Method> methods() {
        return Arbitraries.of(Method.values());
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "1", "2", "3", "00", "01", "-1", "+1", "1.0", " 1", "x", "", "999999", "1000000"),
                Arbitraries.integers().between(0, 12).map(String::valueOf));
    }

    @Provide
    Arbitrary<Integer> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 6),
                Arbitraries.of(999_999, 1_000_000, 1_000_001, Integer.MAX_VALUE, Integer.MIN_VALUE));
    }

    @Property(tries = 3000)
    void everyBallotTheApiAcceptsTheEngineCounts(
            @ForAll("methods") Method method,
            @ForAll @IntRange(min = 2, max = 6) int options,
            @ForAll List<@From("numbers") Integer> list,
            @ForAll List<@From("keys") String> keys,
            @ForAll List<@From("numbers") Integer> points,
            @ForAll boolean extraField) {
        Map<String, Integer> allocation = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(keys.size(), points.size()); i++) {
            allocation.put(keys.get(i), points.get(i));
        }
        int first = list.isEmpty() ? 0 : list.get(0);
        BallotContent content = switch (method) {
            case APPROVE_REJECT ->
                new BallotContent(
                        Stance.values()[Math.floorMod(first, 3)], extraField ? 1 : null, null, null, null, null);
            case SINGLE_CHOICE -> new BallotContent(null, first, null, null, null, extraField ? List.of(0) : null);
            case APPROVAL -> new BallotContent(null, null, list, null, null, null);
            case SCORE -> new BallotContent(null, null, null, list, null, null);
            case SPLIT, QUADRATIC -> new BallotContent(null, null, null, null, allocation, null);
            default -> new BallotContent(null, null, extraField ? list : null, null, null, list);
        };
        int count = method == Method.APPROVE_REJECT ? 3 : options;
        BallotContent.Checked checked = content.check(method, count);
        if (!checked.violations().isEmpty()) {
            for (Violation v : checked.violations()) {
                Reason.valueOf(v.code().name()); // every code is one of the engine's
            }
            return;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; method != Method.APPROVE_REJECT && i < options; i++) {
            labels.add("option " + i);
        }
        TallyInput.Builder in =
                TallyInput.builder(method, labels).group("g", "g", 1).voter("v", 3, "g");
        int[] v = checked.values();
        switch (method) { // as the service's tally reader gives the engine a stored ballot
            case APPROVE_REJECT -> in.vote(Stance.values()[v[0]]);
            case SINGLE_CHOICE -> in.choice(v[0]);
            case APPROVAL -> in.approves(v);
            case SCORE -> in.scores(v);
            case SPLIT, QUADRATIC -> in.allocates(v);
            default -> in.ranks(v);
        }
        try {
            assertEquals(1, Tally.count(in.build()).turnout().voters());
        } catch (InvalidTallyException e) {
            throw new AssertionError("the API accepted " + content + " but the engine refuses it: " + e.getMessage());
        }
    }

    @Test
    void theAllocationsOfIssue10AreRefused() {
        List<Violation> over = new BallotContent(null, null, null, null, Map.of("0", 1_000_000, "1", 1_000_000), null)
                .check(Method.SPLIT, 2)
                .violations();
        assertEquals(
                List.of("ALLOCATION_INVALID"),
                over.stream().map(v -> v.code().name()).toList());
        Map<String, Integer> twice = new LinkedHashMap<>();
        twice.put("00", 5);
        twice.put("0", 0);
        List<Violation> keys = new BallotContent(null, null, null, null, twice, null)
                .check(Method.QUADRATIC, 2)
                .violations();
        assertEquals(
                List.of("OPTION_UNKNOWN"),
                keys.stream().map(v -> v.code().name()).toList());
        assertEquals("allocation.00", keys.get(0).field());
    }

    @Test
    void everyFaultOfABallotIsReportedAtOnce() {
        List<Violation> found = new BallotContent(Stance.FOR, 2, null, null, null, List.of(7, 1, 1))
                .check(Method.RANKED_SCHULZE, 3)
                .violations();
        assertTrue(
                found.stream()
                        .map(v -> v.code().name())
                        .toList()
                        .containsAll(List.of("BALLOT_KIND_INVALID", "OPTION_UNKNOWN", "RANKING_DUPLICATE")),
                found.toString());
        assertEquals(4, found.size(), found.toString());
    }
}
