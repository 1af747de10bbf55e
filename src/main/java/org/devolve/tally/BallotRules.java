package org.devolve.tally;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one rulebook of what a ballot may say, with one set of reason codes ({@link Reason}). The engine applies
 * it to every ballot it counts (tally documents, the service's rows) and the service to every ballot it accepts,
 * so that a ballot the API takes is a ballot the engine counts: a close can never be blocked by a ballot that
 * was let in.
 *
 * <p>Each check appends its violations to {@code out}, with {@code path} (the ballot's member, such as
 * {@code ranking} or {@code ballots[3].ranking}) extended by the offending element.
 */
public final class BallotRules {

    /** The highest score of a SCORE ballot. */
    public static final int MAX_SCORE = 5;
    /** The most points one allocation may give in all. */
    public static final long MAX_POINTS = 1_000_000;

    private BallotRules() {}

    /** The member a ballot of {@code method} fills: stance, choice, approvals, scores, allocation or ranking. */
    public static String field(Method method) {
        return method.ballot.name().toLowerCase(Locale.ROOT);
    }

    /** APPROVE_REJECT: FOR, AGAINST or ABSTAIN, by name; null (with STANCE_UNKNOWN) otherwise. */
    public static Stance stance(String name, String path, List<Violation> out) {
        for (Stance s : Stance.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        out.add(new Violation(Reason.STANCE_UNKNOWN, path, "the stance is FOR, AGAINST or ABSTAIN"));
        return null;
    }

    /** SINGLE_CHOICE: one option index. */
    public static void choice(long option, int options, String path, List<Violation> out) {
        if (option < 0 || option >= options) {
            out.add(new Violation(Reason.OPTION_UNKNOWN, path, unknown(option, options)));
        }
    }

    /** APPROVAL: distinct option indices, possibly none. */
    public static void approvals(long[] approved, int options, String path, List<Violation> out) {
        distinct(approved, options, path, Reason.APPROVAL_DUPLICATE, out);
    }

    /** SCORE: one score 0..5 for every option, in option order. */
    public static void scores(long[] scores, int options, String path, List<Violation> out) {
        if (scores.length != options) {
            out.add(new Violation(
                    Reason.SCORES_INVALID,
                    path,
                    "one score is needed for each of the " + options + " options, not " + scores.length));
            return;
        }
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] < 0 || scores[i] > MAX_SCORE) {
                out.add(new Violation(Reason.SCORES_INVALID, path + "[" + i + "]", "a score is 0.." + MAX_SCORE));
            }
        }
    }

    /**
     * SPLIT, QUADRATIC: points per option, keyed by the option's index written in decimal without leading zeros
     * ({@code "0"}, {@code "12"}; not {@code "00"}, {@code "+1"} or {@code "1.0"}), whole, 0..1,000,000 each and in
     * all, some above 0.
     *
     * @return the points per option, or null when the allocation is refused
     */
    public static long[] allocation(String[] keys, long[] points, int options, String path, List<Violation> out) {
        long[] perOption = new long[options];
        boolean[] seen = new boolean[options];
        int before = out.size();
        long sum = 0;
        for (int i = 0; i < keys.length; i++) {
            String at = path + "." + keys[i];
            int index = optionKey(keys[i]);
            if (index < 0 || index >= options) {
                out.add(new Violation(
                        Reason.OPTION_UNKNOWN,
                        at,
                        "\"" + keys[i] + "\" is not an option index (0 to " + (options - 1)
                                + ", written without leading zeros)"));
            } else if (seen[index]) {
                out.add(new Violation(Reason.ALLOCATION_INVALID, at, "option " + index + " is given points twice"));
            } else if (points[i] < 0 || points[i] > MAX_POINTS) {
                out.add(new Violation(Reason.ALLOCATION_INVALID, at, "points are whole numbers 0.." + MAX_POINTS));
            } else {
                seen[index] = true;
                perOption[index] = points[i];
                sum += points[i];
            }
        }
        if (out.size() > before) {
            return null;
        }
        if (sum > MAX_POINTS) {
            out.add(new Violation(
                    Reason.ALLOCATION_INVALID, path, "points add up to " + sum + ", more than " + MAX_POINTS));
            return null;
        }
        if (sum == 0) {
            out.add(new Violation(Reason.ALLOCATION_EMPTY, path, "give at least one point to an option"));
            return null;
        }
        return perOption;
    }

    /** Ranked methods: distinct option indices, most preferred first, at least one; unranked options tie below. */
    public static void ranking(long[] ranking, int options, String path, List<Violation> out) {
        if (ranking.length == 0) {
            out.add(new Violation(Reason.RANKING_EMPTY, path, "rank at least one option"));
            return;
        }
        distinct(ranking, options, path, Reason.RANKING_DUPLICATE, out);
    }

    // ---- fast checks: whether a ballot in the engine's form passes, without building any message or path (the
    // engine checks a million ballots on every count; the full checks above run only for one that fails)

    /** Whether a choice is an option. */
    public static boolean validChoice(long option, int options) {
        return option >= 0 && option < options;
    }

    /** Whether the indices are distinct options ({@code seen}: scratch of at least {@code options}, any content). */
    public static boolean validDistinct(int[] indices, int options, boolean[] seen) {
        Arrays.fill(seen, 0, options, false);
        for (int o : indices) {
            if (o < 0 || o >= options || seen[o]) {
                return false;
            }
            seen[o] = true;
        }
        return true;
    }

    /** Whether scores are one per option, each 0..5. */
    public static boolean validScores(int[] scores, int options) {
        if (scores.length != options) {
            return false;
        }
        for (int v : scores) {
            if (v < 0 || v > MAX_SCORE) {
                return false;
            }
        }
        return true;
    }

    /** Whether points per option (one per option, in order) are a valid allocation. */
    public static boolean validPoints(int[] pointsPerOption, int options) {
        if (pointsPerOption.length > options) {
            return false;
        }
        long sum = 0;
        for (int v : pointsPerOption) {
            if (v < 0 || v > MAX_POINTS) {
                return false;
            }
            sum += v;
        }
        return sum > 0 && sum <= MAX_POINTS;
    }

    /** The option index an allocation key names, or -1: decimal digits, no sign, no leading zero, at most 6 digits. */
    public static int optionKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 6 || (key.length() > 1 && key.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(key);
    }

    private static void distinct(long[] indices, int options, String path, Reason duplicate, List<Violation> out) {
        boolean[] seen = new boolean[options];
        for (int i = 0; i < indices.length; i++) {
            long o = indices[i];
            if (o < 0 || o >= options) {
                out.add(new Violation(Reason.OPTION_UNKNOWN, path + "[" + i + "]", unknown(o, options)));
            } else if (seen[(int) o]) {
                out.add(new Violation(duplicate, path + "[" + i + "]", "option " + o + " appears twice"));
            } else {
                seen[(int) o] = true;
            }
        }
    }

    private static String unknown(long option, int options) {
        return "option " + option + " does not exist (0 to " + (options - 1) + ")";
    }
}
