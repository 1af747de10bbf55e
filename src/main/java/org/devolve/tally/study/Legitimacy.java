package org.devolve.tally.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devolve.tally.Method;
import org.devolve.tally.Policy;
import org.devolve.tally.Stance;
import org.devolve.tally.Tally;
import org.devolve.tally.TallyInput;
import org.devolve.tally.TallyResult;
import org.devolve.tally.Weighting;

/**
 * The legitimacy study (issue 15, docs/legitimacy.md): what a faction that votes together and inflates every
 * declaration to 5 can do to an APPROVE_REJECT decision, under each weighting policy, with and without the stake
 * budget and challenges, and how often the result flags what it did. Every count is made by the real engine
 * ({@link Tally#count}); the study only draws electorates and applies the service's stake rules to them.
 *
 * <p>The model, per trial (one budget period of {@link Config#proposals} proposals in one circle):
 * <ul>
 *   <li>{@code n} members, each drawn into one of three affected groups per proposal (residents, suggested level
 *       2, 60 %; businesses, 3, 30 %; neighbours, 4, 10 %) with an honest stake of the suggested level −1, ±0 or +1
 *       (25 %, 50 %, 25 % by default: {@link Config#honestBelow}, {@link Config#honestAbove}), kept within 1..5;</li>
 *   <li>the faction: each member belongs to it with probability f (the same draw for every f, so a 10 % faction
 *       holds the 5 % one); it votes FOR every proposal; every other member votes FOR with probability q, q drawn
 *       per proposal uniformly in [0, 1]; everyone votes;</li>
 *   <li>honest world: everyone declares their honest stake. Attacked world: the faction declares 5, the others
 *       their honest stake;</li>
 *   <li>budget (when on): B points per member per period, level s costs s², the proposals declared in order; a
 *       declaration the points left cannot pay is refused, so the member declares the highest level they can pay
 *       (0, no vote, when none), as {@code org.devolve.stake.DeclareStake} refuses it; a lowered declaration costs
 *       its lowered level, as the service charges it;</li>
 *   <li>challenges (share c): facilitators review the flagged declarations (above the group's suggested level)
 *       and lower an inflated one (above its declarant's honest stake) to the suggested level with probability
 *       c; an honest one is upheld;</li>
 *   <li>a contest: the honest world rejects the proposal (the faction loses when it declares honestly). A flip: a
 *       contest that the attacked world adopts. A flagged flip: the attacked result is fragile (lowering some of
 *       the highest declarations above their group's suggested level flips it, at any count, as the engine says
 *       since issue 15's decision) and its fragility names at least one inflated declaration, or its anchored
 *       counterfactual changes the outcome. A false alarm: an honest-world result that shows either warning.
 *       For comparison the study also counts what the engine's former bound flagged: fragile only when the flip
 *       needs at most max(3, 1 % of the headcount) declarations ({@link #fragileUnderOldBound}).</li>
 * </ul>
 *
 * <p>Seeded and exact: trial t of electorate size n draws everything from {@code SplittableRandom(seed ⊕ n ⊕ t)}
 * (see {@link #trialSeed}), every policy, faction and defence is evaluated on the same draws, and the counts are
 * integers summed in trial order, so the same seed gives the same tables on any machine and any number of threads.
 */
public final class Legitimacy {

    /** The affected groups: id, suggested level, share of the members in per mille. */
    static final String[] GROUP_IDS = {"residents", "businesses", "neighbours"};

    static final int[] GROUP_LEVELS = {2, 3, 4};
    static final int[] GROUP_PER_MILLE = {600, 300, 100};
    /** The faction's declaration. */
    static final int INFLATED = Weighting.MAX_STAKE;

    /** The number of counters in a {@link Measure}. */
    private static final int FIELDS = 9;
    /** The policies studied, in table order. */
    public static final List<Weighting> POLICIES =
            List.of(Weighting.linear(), Weighting.sqrt(), Weighting.capped(3), Weighting.equal());

    private Legitimacy() {}

    /**
     * What to run.
     *
     * @param seed              the seed of every draw
     * @param sizes             electorate sizes
     * @param trials            trials (budget periods) per size, one entry per size
     * @param factionPercents   faction sizes in percent of the members
     * @param policies          weighting policies
     * @param budget            points per member per period when the budget is on
     * @param proposals         proposals per period (each one decision per trial)
     * @param challengePercents shares of the reviewed inflated declarations lowered, in percent (0: no challenges)
     * @param honestBelow       the share of honest declarations one level below the group's suggested level, in
     *                          percent
     * @param honestAbove       the share one level above it, in percent (the rest are at it)
     * @param threads           worker threads (the result does not depend on it)
     */
    public record Config(
            long seed,
            int[] sizes,
            int[] trials,
            int[] factionPercents,
            List<Weighting> policies,
            int budget,
            int proposals,
            int[] challengePercents,
            int honestBelow,
            int honestAbove,
            int threads) {

        /** The default run: about 3 minutes on 2 cores. */
        public static Config standard(int threads) {
            return new Config(
                    15,
                    new int[] {100, 1_000, 10_000, 100_000},
                    new int[] {4_000, 1_000, 120, 15},
                    new int[] {5, 10, 20, 30, 40},
                    POLICIES,
                    50,
                    6,
                    new int[] {0, 50},
                    25,
                    25,
                    threads);
        }

        Config with(long seed, int[] sizes, int[] trials, int honestBelow, int honestAbove, int threads) {
            if (honestBelow < 0 || honestAbove < 0 || honestBelow + honestAbove > 100) {
                throw new IllegalArgumentException("the honest shares below and above are 0..100 % together");
            }
            return new Config(
                    seed,
                    sizes,
                    trials,
                    factionPercents,
                    policies,
                    budget,
                    proposals,
                    challengePercents,
                    honestBelow,
                    honestAbove,
                    threads);
        }
    }

    /** One cell of the study. */
    public record Cell(int size, int factionPercent, Weighting policy, boolean budget, int challengePercent) {}

    /**
     * What a cell measured.
     *
     * @param decisions       proposals decided (trials × proposals per period)
     * @param contests        decisions the honest world rejects
     * @param flips           contests the attacked world adopts
     * @param flagged         flips whose result flags them (fragile and naming an inflated declaration, or anchored)
     * @param flaggedFragile  flips flagged by fragility naming an inflated declaration
     * @param flaggedAnchored flips whose anchored counterfactual changes the outcome
     * @param flaggedOldBound flips the former bound flagged: fragile with at most max(3, 1 % of the headcount)
     *                        declarations and naming an inflated one, or the anchored counterfactual changes the
     *                        outcome
     * @param alarms          honest-world decisions flagged (false alarms: nobody inflated): fragile or anchored
     * @param alarmsOldBound  honest-world decisions the former bound flags
     */
    public record Measure(
            long decisions,
            long contests,
            long flips,
            long flagged,
            long flaggedFragile,
            long flaggedAnchored,
            long flaggedOldBound,
            long alarms,
            long alarmsOldBound) {

        public long unflagged() {
            return flips - flagged;
        }

        Measure plus(Measure o) {
            return new Measure(
                    decisions + o.decisions,
                    contests + o.contests,
                    flips + o.flips,
                    flagged + o.flagged,
                    flaggedFragile + o.flaggedFragile,
                    flaggedAnchored + o.flaggedAnchored,
                    flaggedOldBound + o.flaggedOldBound,
                    alarms + o.alarms,
                    alarmsOldBound + o.alarmsOldBound);
        }
    }

    /** The cells of a run, in the order {@link #run} measures them: size, faction, policy, budget, challenges. */
    public static List<Cell> cells(Config c) {
        List<Cell> cells = new ArrayList<>();
        for (int n : c.sizes()) {
            for (int f : c.factionPercents()) {
                for (Weighting w : c.policies()) {
                    for (boolean budget : new boolean[] {false, true}) {
                        for (int ch : c.challengePercents()) {
                            cells.add(new Cell(n, f, w, budget, ch));
                        }
                    }
                }
            }
        }
        return cells;
    }

    /** Runs the study; the measures are in the order of {@link #cells}. */
    public static List<Measure> run(Config c) {
        int perSize = c.factionPercents().length * c.policies().size() * 2 * c.challengePercents().length;
        List<Measure> out = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, c.threads()));
        try {
            for (int s = 0; s < c.sizes().length; s++) {
                int n = c.sizes()[s];
                List<Future<long[][]>> trials = new ArrayList<>();
                for (int t = 0; t < c.trials()[s]; t++) {
                    long seed = trialSeed(c.seed(), n, t);
                    trials.add(pool.submit(() -> trial(c, n, seed)));
                }
                long[][] sum = new long[perSize][FIELDS];
                for (Future<long[][]> f : trials) {
                    long[][] one = f.get();
                    for (int i = 0; i < perSize; i++) {
                        for (int k = 0; k < FIELDS; k++) {
                            sum[i][k] += one[i][k];
                        }
                    }
                }
                for (long[] m : sum) {
                    out.add(new Measure(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        return out;
    }

    /** The seed of trial {@code t} at electorate size {@code n}: SplitMix64 of the three, so trials do not overlap. */
    static long trialSeed(long seed, int n, int t) {
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + t * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The draws of one trial: who is in the faction, and per proposal each member's group, stake and ballot. */
    static final class Draws {
        final int n;
        final double[] faction;
        final double[] q;
        final byte[][] group;
        final byte[][] honest;
        final double[][] vote;
        final double[][] review;

        Draws(int n, int proposals, int belowPercent, int abovePercent, SplittableRandom rnd) {
            this.n = n;
            faction = new double[n];
            q = new double[proposals];
            group = new byte[proposals][n];
            honest = new byte[proposals][n];
            vote = new double[proposals][n];
            review = new double[proposals][n];
            for (int p = 0; p < n; p++) {
                faction[p] = rnd.nextDouble();
            }
            for (int j = 0; j < proposals; j++) {
                q[j] = rnd.nextDouble();
                for (int p = 0; p < n; p++) {
                    int g = groupOf(rnd.nextInt(1000));
                    int d = rnd.nextInt(100);
                    int level = GROUP_LEVELS[g] + (d < belowPercent ? -1 : d >= 100 - abovePercent ? 1 : 0);
                    group[j][p] = (byte) g;
                    honest[j][p] = (byte) Math.max(1, Math.min(Weighting.MAX_STAKE, level));
                    vote[j][p] = rnd.nextDouble();
                    review[j][p] = rnd.nextDouble();
                }
            }
        }

        private static int groupOf(int perMille) {
            int acc = 0;
            for (int g = 0; g < GROUP_PER_MILLE.length; g++) {
                acc += GROUP_PER_MILLE[g];
                if (perMille < acc) {
                    return g;
                }
            }
            return GROUP_PER_MILLE.length - 1;
        }
    }

    /** One trial at size n: per cell of that size, {decisions, contests, flips, flagged, by fragility, by anchored}. */
    static long[][] trial(Config c, int n, long seed) {
        Draws d = new Draws(n, c.proposals(), c.honestBelow(), c.honestAbove(), new SplittableRandom(seed));
        String[] ids = new String[n];
        for (int p = 0; p < n; p++) {
            ids[p] = "m" + p;
        }
        int perSize = c.factionPercents().length * c.policies().size() * 2 * c.challengePercents().length;
        long[][] out = new long[perSize][FIELDS];
        int cell = 0;
        for (int f : c.factionPercents()) {
            boolean[] inFaction = new boolean[n];
            for (int p = 0; p < n; p++) {
                inFaction[p] = d.faction[p] * 100 < f;
            }
            for (Weighting w : c.policies()) {
                for (boolean budget : new boolean[] {false, true}) {
                    int[] honestLeft = budget ? filled(n, c.budget()) : null;
                    int[][] attackLeft = new int[c.challengePercents().length][];
                    for (int k = 0; k < attackLeft.length; k++) {
                        attackLeft[k] = budget ? filled(n, c.budget()) : null;
                    }
                    for (int j = 0; j < c.proposals(); j++) {
                        byte[] honest = declare(d.honest[j], null, honestLeft);
                        TallyResult fair = outcome(d, j, honest, inFaction, w, ids, true);
                        boolean contest = fair.outcome() != TallyResult.Outcome.ADOPTED;
                        boolean alarm =
                                anchoredDiffers(fair) || fair.fragility().fragile();
                        boolean alarmOld = anchoredDiffers(fair) || fragileUnderOldBound(fair, honest);
                        for (int k = 0; k < c.challengePercents().length; k++) {
                            long[] m = out[cell + (budget ? c.challengePercents().length : 0) + k];
                            byte[] attack = declare(d.honest[j], inFaction, attackLeft[k]);
                            boolean[] inflated = new boolean[n];
                            challenge(d, j, attack, inflated, c.challengePercents()[k]);
                            spend(attack, attackLeft[k]);
                            m[0]++;
                            m[7] += alarm ? 1 : 0;
                            m[8] += alarmOld ? 1 : 0;
                            if (!contest) {
                                continue;
                            }
                            m[1]++;
                            TallyResult r = outcome(d, j, attack, inFaction, w, ids, true);
                            if (r.outcome() != TallyResult.Outcome.ADOPTED) {
                                continue;
                            }
                            m[2]++;
                            boolean byFragility = r.fragility().fragile() && namesInflated(r, inflated);
                            boolean byAnchored = anchoredDiffers(r);
                            boolean old = byAnchored || fragileUnderOldBound(r, attack) && namesInflated(r, inflated);
                            m[3] += byFragility || byAnchored ? 1 : 0;
                            m[4] += byFragility ? 1 : 0;
                            m[5] += byAnchored ? 1 : 0;
                            m[6] += old ? 1 : 0;
                        }
                        spend(honest, honestLeft);
                    }
                }
                cell += 2 * c.challengePercents().length;
            }
        }
        return out;
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    /**
     * Each member's declaration: the honest stake, or 5 for the faction; with a budget, the highest level up to that
     * whose cost s² the points left can pay.
     */
    static byte[] declare(byte[] honest, boolean[] inFaction, int[] left) {
        byte[] level = new byte[honest.length];
        for (int p = 0; p < honest.length; p++) {
            int want = inFaction != null && inFaction[p] ? INFLATED : honest[p];
            if (left != null) {
                while (want * want > left[p]) {
                    want--;
                }
            }
            level[p] = (byte) want;
        }
        return level;
    }

    /** Facilitators lower an inflated flagged declaration to its group's suggested level with probability c %. */
    private static void challenge(Draws d, int j, byte[] level, boolean[] inflated, int percent) {
        for (int p = 0; p < level.length; p++) {
            int anchor = GROUP_LEVELS[d.group[j][p]];
            if (level[p] > d.honest[j][p] && level[p] > anchor && d.review[j][p] * 100 < percent) {
                level[p] = (byte) anchor;
            }
            inflated[p] = level[p] > d.honest[j][p];
        }
    }

    /** Charges each declaration's final level, as the service charges a lowered one its lowered level. */
    private static void spend(byte[] level, int[] left) {
        if (left == null) {
            return;
        }
        for (int p = 0; p < level.length; p++) {
            left[p] -= level[p] * level[p];
        }
    }

    /** Counts proposal j with these declarations: the full result, or only the outcome. */
    private static TallyResult outcome(
            Draws d, int j, byte[] level, boolean[] inFaction, Weighting w, String[] ids, boolean explain) {
        TallyInput.Builder b = TallyInput.builder(Method.APPROVE_REJECT, List.of())
                .weighting(w)
                .votersUnique();
        for (int g = 0; g < GROUP_IDS.length; g++) {
            b.group(GROUP_IDS[g], GROUP_IDS[g], GROUP_LEVELS[g]);
        }
        for (int p = 0; p < level.length; p++) {
            if (level[p] == 0) {
                continue; // no points left: no declaration, no vote
            }
            b.voter(ids[p], level[p], GROUP_IDS[d.group[j][p]]);
            b.vote(inFaction[p] || d.vote[j][p] < d.q[j] ? Stance.FOR : Stance.AGAINST);
        }
        TallyInput in = b.build();
        return explain ? Tally.count(in) : Tally.outcome(in);
    }

    private static boolean anchoredDiffers(TallyResult r) {
        return r.anchored() != null && r.anchored().changesOutcome();
    }

    /**
     * The engine's fragile flag before issue 15's decision: the flip needs at most max(3, ⌊headcount / 100⌋)
     * declarations, the headcount being the members who declared (everyone who declares votes here).
     */
    static boolean fragileUnderOldBound(TallyResult r, byte[] level) {
        int headcount = 0;
        for (byte l : level) {
            headcount += l > 0 ? 1 : 0;
        }
        return r.fragility().fragile() && r.fragility().count() <= Math.max(3, headcount / 100);
    }

    private static boolean namesInflated(TallyResult r, boolean[] inflated) {
        for (String id : r.fragility().voters()) {
            if (inflated[Integer.parseInt(id, 1, id.length(), 10)]) {
                return true;
            }
        }
        return false;
    }

    // ---- the report

    static String policyName(Weighting w) {
        return w.policy() == Policy.CAPPED ? "CAPPED " + w.cap() : w.policy().name();
    }

    static String defences(boolean budget, int challenge) {
        String b = budget ? "budget" : "";
        String ch = challenge > 0 ? "challenges " + challenge + " %" : "";
        return b.isEmpty() && ch.isEmpty() ? "none" : b.isEmpty() ? ch : ch.isEmpty() ? b : b + " + " + ch;
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    /** The tables as Markdown. */
    public static String report(Config c, List<Measure> measures) {
        List<Cell> cells = cells(c);
        StringBuilder s = new StringBuilder();
        s.append("Seed ")
                .append(c.seed())
                .append("; honest declarations one level below / above the suggested " + "level: ")
                .append(c.honestBelow())
                .append(" % / ")
                .append(c.honestAbove())
                .append(" %; budget ")
                .append(c.budget())
                .append(" points per period of ")
                .append(c.proposals())
                .append(" proposals; trials (periods) per size:");
        for (int i = 0; i < c.sizes().length; i++) {
            s.append(i == 0 ? " " : ", ")
                    .append(c.sizes()[i])
                    .append(" members × ")
                    .append(c.trials()[i]);
        }
        s.append(".\n\n");
        s.append("Each cell: flips ÷ contests (how often the faction overturns a decision it loses when it declares "
                + "honestly), then in brackets the share of those flips that go unflagged.\n");
        int per = c.factionPercents().length * c.policies().size() * 2 * c.challengePercents().length;
        headline(s, c, cells, measures);
        // pooled over the sizes
        s.append("\n### All sizes pooled\n\n");
        table(s, c, cells, measures, -1);
        for (int si = 0; si < c.sizes().length; si++) {
            s.append("\n### ").append(c.sizes()[si]).append(" members\n\n");
            table(s, c, cells, measures, si);
        }
        s.append("\n### Which check flags the flips (all sizes pooled)\n\n");
        s.append("| policy | defences | flips | flagged | by fragility | by anchored counterfactual | unflagged "
                + "| false alarms | unflagged, old bound max(3, 1 %) | false alarms, old bound |\n");
        s.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Weighting w : c.policies()) {
            for (boolean budget : new boolean[] {false, true}) {
                for (int ch : c.challengePercents()) {
                    Measure m = pooled(cells, measures, w, budget, ch, -1, -1, c);
                    s.append("| ")
                            .append(policyName(w))
                            .append(" | ")
                            .append(defences(budget, ch))
                            .append(" | ")
                            .append(m.flips())
                            .append(" | ")
                            .append(m.flagged())
                            .append(" | ")
                            .append(m.flaggedFragile())
                            .append(" | ")
                            .append(m.flaggedAnchored())
                            .append(" | ")
                            .append(percent(m.unflagged(), m.flips()))
                            .append(" | ")
                            .append(percent(m.alarms(), m.decisions()))
                            .append(" | ")
                            .append(percent(m.flips() - m.flaggedOldBound(), m.flips()))
                            .append(" | ")
                            .append(percent(m.alarmsOldBound(), m.decisions()))
                            .append(" |\n");
                }
            }
        }
        if (measures.size() != per * c.sizes().length) {
            throw new IllegalStateException("measures do not match the cells");
        }
        return s.toString();
    }

    /** The default policy of the proposal form (SQRT) against a 20 % faction, every defence, all sizes pooled. */
    private static void headline(StringBuilder s, Config c, List<Cell> cells, List<Measure> measures) {
        Weighting w = Weighting.sqrt();
        int f = 20;
        if (!c.policies().contains(w) || Arrays.stream(c.factionPercents()).noneMatch(x -> x == f)) {
            return;
        }
        s.append("\n### Headline: SQRT (the default policy), faction 20 %, all sizes pooled\n\n");
        s.append("| defences | contests | flips | unflagged flips | unflagged share (95 % interval) "
                + "| false alarms on honest results (95 % interval) | unflagged share, old bound max(3, 1 %) |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (boolean budget : new boolean[] {false, true}) {
            for (int ch : c.challengePercents()) {
                Measure m = pooled(cells, measures, w, budget, ch, f, -1, c);
                s.append("| ")
                        .append(defences(budget, ch))
                        .append(" | ")
                        .append(m.contests())
                        .append(" | ")
                        .append(m.flips())
                        .append(" | ")
                        .append(m.unflagged())
                        .append(" | ")
                        .append(percent(m.unflagged(), m.flips()))
                        .append(' ')
                        .append(wilson(m.unflagged(), m.flips()))
                        .append(" | ")
                        .append(percent(m.alarms(), m.decisions()))
                        .append(' ')
                        .append(wilson(m.alarms(), m.decisions()))
                        .append(" | ")
                        .append(percent(m.flips() - m.flaggedOldBound(), m.flips()))
                        .append(" |\n");
            }
        }
    }

    /** The Wilson score interval of k successes in n trials at 95 %, as "[lo – hi %]". */
    static String wilson(long k, long n) {
        if (n == 0) {
            return "";
        }
        double z = 1.959964;
        double p = (double) k / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        return String.format(Locale.ROOT, "[%.1f – %.1f %%]", 100 * (centre - half), 100 * (centre + half));
    }

    private static void table(StringBuilder s, Config c, List<Cell> cells, List<Measure> measures, int sizeIndex) {
        s.append("| policy | defences |");
        for (int f : c.factionPercents()) {
            s.append(" faction ").append(f).append(" % |");
        }
        s.append("\n|---|---|");
        for (int ignored : c.factionPercents()) {
            s.append("---:|");
        }
        s.append('\n');
        for (Weighting w : c.policies()) {
            for (boolean budget : new boolean[] {false, true}) {
                for (int ch : c.challengePercents()) {
                    s.append("| ")
                            .append(policyName(w))
                            .append(" | ")
                            .append(defences(budget, ch))
                            .append(" |");
                    for (int f : c.factionPercents()) {
                        Measure m = pooled(cells, measures, w, budget, ch, f, sizeIndex, c);
                        s.append(' ')
                                .append(percent(m.flips(), m.contests()))
                                .append(" (")
                                .append(percent(m.unflagged(), m.flips()))
                                .append(") |");
                    }
                    s.append('\n');
                }
            }
        }
    }

    /** The sum of the measures of the cells that match (f, sizeIndex −1: every one). */
    static Measure pooled(
            List<Cell> cells,
            List<Measure> measures,
            Weighting w,
            boolean budget,
            int challenge,
            int faction,
            int sizeIndex,
            Config c) {
        Measure sum = new Measure(0, 0, 0, 0, 0, 0, 0, 0, 0);
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell.policy().equals(w)
                    && cell.budget() == budget
                    && cell.challengePercent() == challenge
                    && (faction < 0 || cell.factionPercent() == faction)
                    && (sizeIndex < 0 || cell.size() == c.sizes()[sizeIndex])) {
                sum = sum.plus(measures.get(i));
            }
        }
        return sum;
    }

    /**
     * {@code java -cp devolve-recount.jar org.devolve.tally.study.Legitimacy [--seed S] [--sizes a,b,..]
     * [--trials a,b,..] [--honest-below P] [--honest-above P] [--threads T]}: runs the study and prints its tables as Markdown.
     */
    public static void main(String[] args) {
        Config c = Config.standard(Runtime.getRuntime().availableProcessors());
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--seed" ->
                    c = c.with(Long.parseLong(v), c.sizes(), c.trials(), c.honestBelow(), c.honestAbove(), c.threads());
                case "--sizes" ->
                    c = c.with(c.seed(), ints(v), c.trials(), c.honestBelow(), c.honestAbove(), c.threads());
                case "--trials" ->
                    c = c.with(c.seed(), c.sizes(), ints(v), c.honestBelow(), c.honestAbove(), c.threads());
                case "--honest-below" ->
                    c = c.with(c.seed(), c.sizes(), c.trials(), Integer.parseInt(v), c.honestAbove(), c.threads());
                case "--honest-above" ->
                    c = c.with(c.seed(), c.sizes(), c.trials(), c.honestBelow(), Integer.parseInt(v), c.threads());
                case "--threads" ->
                    c = c.with(c.seed(), c.sizes(), c.trials(), c.honestBelow(), c.honestAbove(), Integer.parseInt(v));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs: --seed S, --sizes a,b, --trials a,b, "
                    + "--honest-below P, --honest-above P, --threads T");
        }
        if (c.trials().length != c.sizes().length) {
            throw new IllegalArgumentException("--trials needs one count per size");
        }
        long start = System.nanoTime();
        List<Measure> measures = run(c);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.print(report(c, measures));
        System.out.printf(
                Locale.ROOT,
                "%nRan in %d s on %d threads (%s, Java %s).%n",
                seconds,
                c.threads(),
                System.getProperty("os.arch"),
                System.getProperty("java.version"));
    }

    private static int[] ints(String csv) {
        String[] parts = csv.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].trim());
        }
        return out;
    }
}
