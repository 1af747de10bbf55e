package org.devolve.ballot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.devolve.platform.problem.FieldCode;
import org.devolve.platform.problem.Violation;
import org.devolve.tally.BallotRules;
import org.devolve.tally.Method;
import org.devolve.tally.Reason;
import org.devolve.tally.Stance;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a ballot says, in the shape of the proposal's method; options by 0-based index.
 *
 * <ul>
 *   <li>APPROVE_REJECT: {@code {"stance": "FOR"}} (FOR, AGAINST, ABSTAIN)</li>
 *   <li>SINGLE_CHOICE: {@code {"choice": 2}}</li>
 *   <li>APPROVAL: {@code {"approvals": [0, 2]}} (possibly empty)</li>
 *   <li>SCORE: {@code {"scores": [5, 0, 3]}} (one score 0..5 per option)</li>
 *   <li>SPLIT, QUADRATIC: {@code {"allocation": {"0": 3, "2": 1}}} (points per option, keyed by the option's index
 *       written without leading zeros; 1,000,000 points at most in all; the weight is spread in proportion)</li>
 *   <li>RANKED_IRV, RANKED_SCHULZE, COPELAND: {@code {"ranking": [2, 0, 1]}} (most preferred first; options left
 *       out rank below all ranked ones)</li>
 * </ul>
 *
 * <p>Whether a ballot is valid is decided by the tally engine's rulebook ({@link BallotRules}), the same rules and
 * reason codes the engine applies when it counts: a ballot the API accepts is a ballot the engine counts.
 */
@Schema(
        name = "BallotContent",
        description = "The ballot, in the shape of the proposal's method: stance "
                + "(APPROVE_REJECT), choice (SINGLE_CHOICE), approvals (APPROVAL), scores (SCORE), allocation (SPLIT, "
                + "QUADRATIC) or ranking (RANKED_IRV, RANKED_SCHULZE, COPELAND). Options by 0-based index. Refusals carry the "
                + "tally engine's reason codes (OPTION_UNKNOWN, RANKING_DUPLICATE, ALLOCATION_INVALID, ...).")
public record BallotContent(
        @Schema(nullable = true) Stance stance,
        @Schema(nullable = true) Integer choice,
        @Schema(nullable = true) List<Integer> approvals,

        @Schema(nullable = true, description = "One score 0..5 per option")
        List<Integer> scores,

        @Schema(
                nullable = true,
                description = "Option index (as a string, no leading zeros) → points ≥ 0; "
                        + "1,000,000 points at most in all")
        Map<String, Integer> allocation,

        @Schema(nullable = true) List<Integer> ranking) {

    /** At most this many reasons are listed for one ballot. */
    private static final int MAX_VIOLATIONS = 100;

    /** The ballot in the engine's form, or every reason it is refused. */
    record Checked(int[] values, List<Violation> violations) {}

    /**
     * Checks the content against the method and its {@code options} options with the engine's rulebook, and
     * returns its engine form: {@code [stance]}, {@code [choice]}, the approvals (in increasing order), the scores,
     * the points per option, or the ranking.
     */
    Checked check(Method method, int options) {
        List<org.devolve.tally.Violation> found = new ArrayList<>();
        String field = BallotRules.field(method);
        Map<String, Object> present = new LinkedHashMap<>();
        present.put("stance", stance);
        present.put("choice", choice);
        present.put("approvals", approvals);
        present.put("scores", scores);
        present.put("allocation", allocation);
        present.put("ranking", ranking);
        present.forEach((name, value) -> {
            if (value != null && !name.equals(field)) {
                found.add(new org.devolve.tally.Violation(
                        Reason.BALLOT_KIND_INVALID, name, "is not part of a " + method + " ballot; use " + field));
            }
        });
        int[] values = null;
        if (present.get(field) == null) {
            found.add(new org.devolve.tally.Violation(
                    Reason.FIELD_MISSING, field, "a " + method + " ballot needs " + field));
        } else {
            values = switch (method) {
                case APPROVE_REJECT -> new int[] {stance.ordinal()};
                case SINGLE_CHOICE -> {
                    BallotRules.choice(choice, options, "choice", found);
                    yield new int[] {choice};
                }
                case APPROVAL -> {
                    long[] v = entries("approvals", approvals, found);
                    BallotRules.approvals(v, options, "approvals", found);
                    yield sorted(ints(v));
                }
                case SCORE -> {
                    long[] v = entries("scores", scores, found);
                    BallotRules.scores(v, options, "scores", found);
                    yield ints(v);
                }
                case SPLIT, QUADRATIC -> {
                    String[] keys = allocation.keySet().toArray(new String[0]);
                    long[] points = new long[keys.length];
                    for (int i = 0; i < keys.length; i++) {
                        Integer v = allocation.get(keys[i]);
                        if (v == null) {
                            found.add(new org.devolve.tally.Violation(
                                    Reason.FIELD_MISSING, "allocation." + keys[i], "points are whole numbers"));
                        }
                        points[i] = v == null ? 0 : v;
                    }
                    long[] perOption = BallotRules.allocation(keys, points, options, "allocation", found);
                    yield perOption == null ? null : ints(perOption);
                }
                case RANKED_IRV, RANKED_SCHULZE, COPELAND -> {
                    long[] v = entries("ranking", ranking, found);
                    BallotRules.ranking(v, options, "ranking", found);
                    yield ints(v);
                }
            };
        }
        List<Violation> violations = new ArrayList<>();
        for (org.devolve.tally.Violation v : found) {
            if (violations.size() == MAX_VIOLATIONS) {
                break;
            }
            violations.add(new Violation(v.path(), FieldCode.of(v.reason()), v.detail()));
        }
        return new Checked(violations.isEmpty() ? values : null, violations);
    }

    private static long[] entries(String field, List<Integer> list, List<org.devolve.tally.Violation> found) {
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            Integer v = list.get(i);
            if (v == null) {
                found.add(new org.devolve.tally.Violation(
                        Reason.FIELD_MISSING, field + "[" + i + "]", "must be an option index"));
                out[i] = -1;
            } else {
                out[i] = v;
            }
        }
        return out;
    }

    private static int[] ints(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, values[i]));
        }
        return out;
    }

    private static int[] sorted(int[] values) {
        int[] out = values.clone();
        Arrays.sort(out);
        return out;
    }

    /** The content of a stored ballot. */
    static BallotContent of(Ballot b) {
        Map<String, Integer> allocation = null;
        if (b.allocation != null) {
            allocation = new LinkedHashMap<>();
            for (int i = 0; i < b.allocation.length; i++) {
                if (b.allocation[i] > 0) {
                    allocation.put(Integer.toString(i), b.allocation[i]);
                }
            }
        }
        return new BallotContent(
                b.stance == null ? null : Stance.values()[b.stance],
                b.choice == null ? null : (int) b.choice,
                list(b.approvals),
                list(b.scores),
                allocation,
                list(b.ranking));
    }

    /** The engine form of a stored ballot. */
    static int[] values(Method method, Ballot b) {
        return switch (method) {
            case APPROVE_REJECT -> new int[] {b.stance};
            case SINGLE_CHOICE -> new int[] {b.choice};
            case APPROVAL -> ints(b.approvals);
            case SCORE -> ints(b.scores);
            case SPLIT, QUADRATIC -> b.allocation.clone();
            case RANKED_IRV, RANKED_SCHULZE, COPELAND -> ints(b.ranking);
        };
    }

    private static int[] ints(short[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Stores a checked ballot (its engine form) on a ballot row. */
    static void write(Method method, int[] values, Ballot b) {
        switch (method) {
            case APPROVE_REJECT -> b.stance = (short) values[0];
            case SINGLE_CHOICE -> b.choice = (short) values[0];
            case APPROVAL -> b.approvals = shorts(values);
            case SCORE -> b.scores = shorts(values);
            case SPLIT, QUADRATIC -> b.allocation = values.clone();
            case RANKED_IRV, RANKED_SCHULZE, COPELAND -> b.ranking = shorts(values);
        }
    }

    private static short[] shorts(int[] values) {
        short[] out = new short[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) values[i];
        }
        return out;
    }

    private static List<Integer> list(short[] values) {
        if (values == null) {
            return null;
        }
        List<Integer> out = new ArrayList<>(values.length);
        for (short v : values) {
            out.add((int) v);
        }
        return out;
    }
}
