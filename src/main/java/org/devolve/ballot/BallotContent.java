package org.devolve.ballot;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devolve.platform.problem.Violation;
import org.devolve.tally.Method;
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
 *   <li>SPLIT, QUADRATIC: {@code {"allocation": {"0": 3, "2": 1}}} (points per option; the weight is spread in
 *       proportion)</li>
 *   <li>RANKED_IRV, RANKED_SCHULZE, COPELAND: {@code {"ranking": [2, 0, 1]}} (most preferred first; options left
 *       out rank below all ranked ones)</li>
 * </ul>
 */
@Schema(name = "BallotContent", description = "The ballot, in the shape of the proposal's method: stance "
        + "(APPROVE_REJECT), choice (SINGLE_CHOICE), approvals (APPROVAL), scores (SCORE), allocation (SPLIT, "
        + "QUADRATIC) or ranking (RANKED_IRV, RANKED_SCHULZE, COPELAND). Options by 0-based index.")
public record BallotContent(
        @Schema(nullable = true) Stance stance,
        @Schema(nullable = true) Integer choice,
        @Size(max = 100) @Schema(nullable = true) List<@NotNull Integer> approvals,
        @Size(max = 100) @Schema(nullable = true) List<@NotNull @Min(0) @Max(5) Integer> scores,
        @Size(max = 100) @Schema(nullable = true, description = "Option index (as a string) → points ≥ 0")
        Map<String, @NotNull @Min(0) @Max(1_000_000) Integer> allocation,
        @Size(max = 100) @Schema(nullable = true) List<@NotNull Integer> ranking) {

    /** Every reason the content does not fit the method and its {@code options} options; empty when it does. */
    List<Violation> check(Method method, int options) {
        List<Violation> out = new ArrayList<>();
        Map<String, Boolean> present = new LinkedHashMap<>();
        present.put("stance", stance != null);
        present.put("choice", choice != null);
        present.put("approvals", approvals != null);
        present.put("scores", scores != null);
        present.put("allocation", allocation != null);
        present.put("ranking", ranking != null);
        String field = fieldOf(method);
        present.forEach((name, set) -> {
            if (set && !name.equals(field)) {
                out.add(new Violation(name, "NOT_FOR_METHOD", "is not part of a " + method + " ballot; use " + field));
            }
        });
        if (!present.get(field)) {
            out.add(new Violation(field, "REQUIRED", "a " + method + " ballot needs " + field));
            return out;
        }
        switch (method) {
            case SINGLE_CHOICE -> index("choice", choice, options, out);
            case APPROVAL -> distinctIndices("approvals", approvals, options, out);
            case SCORE -> {
                if (scores.size() != options) {
                    out.add(new Violation("scores", "WRONG_LENGTH", "needs one score per option (" + options + ")"));
                }
            }
            case SPLIT, QUADRATIC -> {
                long total = 0;
                for (Map.Entry<String, Integer> e : allocation.entrySet()) {
                    Integer option = parse(e.getKey());
                    if (option == null || option < 0 || option >= options) {
                        out.add(new Violation("allocation." + e.getKey(), "OPTION_UNKNOWN",
                                "is not an option index (0 to " + (options - 1) + ")"));
                    }
                    total += e.getValue() == null ? 0 : e.getValue();
                }
                if (total == 0) {
                    out.add(new Violation("allocation", "NO_POINTS", "give at least one point to an option"));
                }
            }
            case RANKED_IRV, RANKED_SCHULZE, COPELAND -> {
                if (ranking.isEmpty()) {
                    out.add(new Violation("ranking", "EMPTY", "rank at least one option"));
                }
                distinctIndices("ranking", ranking, options, out);
            }
            default -> {
            }
        }
        return out;
    }

    static String fieldOf(Method method) {
        return switch (method) {
            case APPROVE_REJECT -> "stance";
            case SINGLE_CHOICE -> "choice";
            case APPROVAL -> "approvals";
            case SCORE -> "scores";
            case SPLIT, QUADRATIC -> "allocation";
            case RANKED_IRV, RANKED_SCHULZE, COPELAND -> "ranking";
        };
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
        return new BallotContent(b.stance == null ? null : Stance.values()[b.stance],
                b.choice == null ? null : (int) b.choice, list(b.approvals), list(b.scores), allocation,
                list(b.ranking));
    }

    /** Stores this content (already checked) on a ballot row. */
    void writeTo(Ballot b, int options) {
        b.stance = stance == null ? null : (short) stance.ordinal();
        b.choice = choice == null ? null : choice.shortValue();
        b.approvals = approvals == null ? null : shorts(approvals.stream().sorted().toList());
        b.scores = scores == null ? null : shorts(scores);
        b.ranking = ranking == null ? null : shorts(ranking);
        if (allocation != null) {
            int[] points = new int[options];
            allocation.forEach((k, v) -> points[Integer.parseInt(k)] = v);
            b.allocation = points;
        } else {
            b.allocation = null;
        }
    }

    /**
     * The content as the stake row keeps it for counting (an array literal for PostgreSQL): {@code {stance}},
     * {@code {choice}}, or the method's array (points per option for SPLIT and QUADRATIC), read from the
     * ballot row this content was written to.
     */
    static String engineForm(Method method, Ballot probe) {
        int[] values = switch (method) {
            case APPROVE_REJECT -> new int[] {probe.stance};
            case SINGLE_CHOICE -> new int[] {probe.choice};
            case APPROVAL -> ints(probe.approvals);
            case SCORE -> ints(probe.scores);
            case SPLIT, QUADRATIC -> probe.allocation;
            case RANKED_IRV, RANKED_SCHULZE, COPELAND -> ints(probe.ranking);
        };
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values[i]);
        }
        return out.append('}').toString();
    }

    private static int[] ints(short[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** The content for the ledger, read from the ballot row it was written to: the method's field only. */
    static Map<String, Object> ledgerForm(Method method, Ballot probe) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (method) {
            case APPROVE_REJECT -> out.put("stance", Stance.values()[probe.stance].name());
            case SINGLE_CHOICE -> out.put("choice", (long) probe.choice);
            case APPROVAL -> out.put("approvals", longs(probe.approvals));
            case SCORE -> out.put("scores", longs(probe.scores));
            case SPLIT, QUADRATIC -> {
                List<Long> points = new ArrayList<>();
                for (int p : probe.allocation) {
                    points.add((long) p);
                }
                out.put("allocation", points);
            }
            default -> out.put("ranking", longs(probe.ranking));
        }
        return out;
    }

    private static void index(String field, Integer value, int options, List<Violation> out) {
        if (value < 0 || value >= options) {
            out.add(new Violation(field, "OPTION_UNKNOWN", "is not an option index (0 to " + (options - 1) + ")"));
        }
    }

    private static void distinctIndices(String field, List<Integer> values, int options, List<Violation> out) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            Integer v = values.get(i);
            if (v == null) {
                continue;
            }
            if (v < 0 || v >= options) {
                out.add(new Violation(field + "[" + i + "]", "OPTION_UNKNOWN",
                        "is not an option index (0 to " + (options - 1) + ")"));
            } else if (!seen.add(v)) {
                out.add(new Violation(field + "[" + i + "]", "DUPLICATE_OPTION", "names an option twice"));
            }
        }
    }

    private static Integer parse(String key) {
        try {
            return Integer.valueOf(key);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static short[] shorts(List<Integer> values) {
        short[] out = new short[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).shortValue();
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

    private static List<Long> longs(short[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (short v : values) {
            out.add((long) v);
        }
        return out;
    }
}
