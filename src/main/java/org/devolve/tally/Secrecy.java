package org.devolve.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a secret tally publishes of each declaration, so that anyone can recount it and nobody can narrow a
 * ballot to fewer than k declarations beyond what the weighting itself singles out.
 *
 * <p>The stake list of a proposal is public (declarations must be challengeable), so every field a published
 * row carries besides its ballot — its group, its stake level, its weight — can be joined with it. A row of a
 * secret tally therefore carries no voter id and no delegate (its delegation is already resolved: the row holds
 * the ballot its weight counts for, marked as followed), and its group and level are published only where at
 * least k declarations share them:
 *
 * <ol>
 *   <li>rows are grouped into classes by what they publish: (group, level) to begin with;</li>
 *   <li>a class of fewer than k rows publishes "other" instead of its group (and, where its weight would be
 *       lowered to its group's suggested level, the level it would be lowered to);</li>
 *   <li>a class in "other" still under k publishes only its weight instead of its level, where the level is
 *       not needed for the outcome (protection of the most affected needs it) and another level has the same
 *       weight (EQUAL, CAPPED: the level adds nothing the count needs);</li>
 *   <li>a class still under k takes in the other classes that would generalize to it, smallest first, until it
 *       holds k — else the classes published beside it would tell, by elimination, whose rows it holds;</li>
 *   <li>what is still under k is singled out by its weight itself: such classes are listed in the result
 *       ({@link TallyResult.SecrecyReport#smallClasses()}), and the service shows them before voting opens.</li>
 * </ol>
 *
 * <p>Rows are then put in an order computed from their published content only (group, level, weight, how the
 * ballot came, the ballot), which carries no information about who they are. Publishing a published input
 * again changes nothing, so a recount of the published document gives the same result byte for byte.
 */
public final class Secrecy {

    private Secrecy() {}

    /**
     * What a class of rows publishes besides the ballot: a group index ({@code other} for "other"), a level, whether
     * only the weight is shown, and for rows in "other" the level their weight would be lowered to (or -1).
     */
    record Key(int group, int level, boolean hidden, int lowerTo, long weight) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            if (group != o.group) {
                return Integer.compare(group, o.group);
            }
            if (hidden != o.hidden) {
                return hidden ? 1 : -1;
            }
            if (level != o.level) {
                return Integer.compare(o.level, level);
            }
            if (weight != o.weight) {
                return Long.compare(o.weight, weight);
            }
            return Integer.compare(lowerTo, o.lowerTo);
        }

        // Written out: a record's own equals and hashCode are bootstrapped through invokedynamic the first time they
        // run, which spins method handles for ~30 ms of a cold recount (measured with the 100-ballot document).
        @Override
        public boolean equals(Object other) {
            return other instanceof Key o
                    && group == o.group
                    && level == o.level
                    && hidden == o.hidden
                    && lowerTo == o.lowerTo
                    && weight == o.weight;
        }

        @Override
        public int hashCode() {
            int h = group;
            h = 31 * h + level;
            h = 31 * h + (hidden ? 1 : 0);
            h = 31 * h + lowerTo;
            return 31 * h + Long.hashCode(weight);
        }
    }

    /** The rules that decide how far a class can be generalized. */
    record Rules(Weighting weighting, boolean levelsNeeded, int k, int[] groupLevels) {

        int other() {
            return groupLevels.length;
        }

        /** The lowest level with the same weight: what a row whose level is hidden shows as its stake. */
        int representative(int level) {
            if (weighting.policy() == Policy.EXPLICIT) {
                return level > 0 ? 1 : 0;
            }
            long w = weighting.weightOf(level);
            for (int s = 0; s <= level; s++) {
                if (weighting.weightOf(s) == w) {
                    return s;
                }
            }
            return level;
        }

        /** Whether another level has the same weight, so that hiding the level costs the count nothing. */
        boolean hideable(int level) {
            if (levelsNeeded || level == 0) {
                return false;
            }
            if (weighting.policy() == Policy.EXPLICIT) {
                return true;
            }
            for (int s = 1; s <= Weighting.MAX_STAKE; s++) {
                if (s != level && weighting.weightOf(s) == weighting.weightOf(level)) {
                    return true;
                }
            }
            return false;
        }

        /** The key a class of group g takes in "other": the level its weight would be lowered to, if that lowers it. */
        Key intoOther(Key key) {
            if (weighting.policy() == Policy.EXPLICIT) {
                return new Key(other(), key.level, key.hidden, -1, key.weight);
            }
            int anchor = groupLevels[key.group];
            long w = weighting.weightOf(key.level);
            long lowered = weighting.weightOf(Math.min(key.level, anchor));
            return new Key(
                    other(), key.level, key.hidden, lowered < w ? representativeOfWeight(lowered) : -1, key.weight);
        }

        private int representativeOfWeight(long w) {
            for (int s = 0; s <= Weighting.MAX_STAKE; s++) {
                if (weighting.weightOf(s) == w) {
                    return s;
                }
            }
            throw new IllegalStateException("no level weighs " + w);
        }
    }

    /** How every initial class is published, and the classes that stay under k. */
    record Plan(Map<Key, Key> published, Map<Key, Integer> sizes) {

        Key of(Key initial) {
            Key to = published.get(initial);
            return to == null ? initial : to;
        }
    }

    /** Generalizes classes of rows ({@code sizes}: initial key → rows) until each has k rows or cannot go further. */
    static Plan plan(Rules rules, Map<Key, Integer> initial) {
        Map<Key, Key> to = new LinkedHashMap<>();
        Map<Key, Integer> sizes = new TreeMap<>(initial);
        initial.keySet().forEach(key -> to.put(key, key));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Key key : new ArrayList<>(sizes.keySet())) {
                Integer size = sizes.get(key);
                if (size == null || size == 0 || size >= rules.k()) {
                    continue;
                }
                Key next = null;
                if (key.group != rules.other()) {
                    next = rules.intoOther(key);
                } else if (!key.hidden && rules.hideable(key.level)) {
                    next = new Key(key.group, rules.representative(key.level), true, key.lowerTo, key.weight);
                }
                if (next == null || next.equals(key)) {
                    continue;
                }
                sizes.remove(key);
                sizes.merge(next, size, Integer::sum);
                for (Map.Entry<Key, Key> e : to.entrySet()) {
                    if (e.getValue().equals(key)) {
                        e.setValue(next);
                    }
                }
                changed = true;
            }
        }
        // A class still under k is as general as it can be. Others that would generalize to the same class are
        // merged into it, smallest first, until it holds k: otherwise the classes left published beside it would
        // tell, by elimination, whose rows it holds (complementary suppression).
        for (Key small : new ArrayList<>(sizes.keySet())) {
            Integer size = sizes.get(small);
            while (size != null && size > 0 && size < rules.k()) {
                Key candidate = null;
                for (Map.Entry<Key, Integer> e : sizes.entrySet()) {
                    if (!e.getKey().equals(small)
                            && e.getValue() > 0
                            && general(rules, e.getKey()).equals(small)
                            && (candidate == null || e.getValue() < sizes.get(candidate))) {
                        candidate = e.getKey();
                    }
                }
                if (candidate == null) {
                    break;
                }
                size += sizes.remove(candidate);
                sizes.put(small, size);
                for (Map.Entry<Key, Key> e : to.entrySet()) {
                    if (e.getValue().equals(candidate)) {
                        e.setValue(small);
                    }
                }
            }
        }
        return new Plan(to, sizes);
    }

    /** The most general class a class can become: in "other", and with its level hidden where that is allowed. */
    private static Key general(Rules rules, Key key) {
        Key g = key.group != rules.other() ? rules.intoOther(key) : key;
        if (!g.hidden && rules.hideable(g.level)) {
            g = new Key(g.group, rules.representative(g.level), true, g.lowerTo, g.weight);
        }
        return g;
    }

    private static Rules rules(TallyInput in) {
        return new Rules(in.weighting, in.protection != null, in.minCellVoters, in.groupLevel);
    }

    /**
     * The published form of a secret input: anonymous rows, generalized so that classes hold k rows where they
     * can, in an order that carries no information. A public input is returned as it is, and so is one that is
     * already published (publishing is idempotent, and a recount of a published document should not pay for it).
     *
     * <p>A million rows cost one pass to count the classes, one to give each row its published class, and one
     * counting pass into the published order (for methods whose ballot is one number; others sort row indices by
     * content).
     */
    static TallyInput publish(TallyInput in) {
        return publish(in, true);
    }

    /** {@link #publish(TallyInput)}; {@code inRuns} false sorts rows even where runs would do (for the test that they agree). */
    static TallyInput publish(TallyInput in, boolean inRuns) {
        return publication(in, inRuns, false).expanded();
    }

    /**
     * The published input as the count reads it: for one-number ballots under weights that follow levels, in runs
     * (one row per run of identical published rows, with its length in {@link TallyInput#times}; a few hundred rows
     * for a million declarations), so that every pass of the count and its explanations is over runs, not rows.
     * Counting it is counting {@link #publish(TallyInput)}'s rows, digit for digit. An already published input is
     * put in runs too.
     */
    static TallyInput forCounting(TallyInput in) {
        return publication(in, true, true);
    }

    /** The published input; {@code compact}: in runs where it is published in runs, else each row written out. */
    private static TallyInput publication(TallyInput in, boolean inRuns, boolean compact) {
        if (!in.secret) {
            return in;
        }
        int n = in.n;
        int[] target = in.anonymous ? null : Delegation.resolve(in.delegate, in.voted);
        Rules rules = rules(in);
        Classes classes = Classes.of(in);
        Plan plan = plan(rules, classes.sizes());
        Key[] published = new Key[classes.keys.size()];
        boolean unchanged = in.anonymous;
        for (int c = 0; c < published.length; c++) {
            published[c] = plan.of(classes.keys.get(c));
            unchanged &= published[c].equals(classes.keys.get(c));
        }
        // the published classes, ranked in their published order
        List<Key> distinct = new ArrayList<>(new TreeSet<>(Arrays.asList(published)));
        Map<Key, Integer> rank = new HashMap<>();
        for (int r = 0; r < distinct.size(); r++) {
            rank.put(distinct.get(r), r);
        }
        int[] classRank = new int[published.length];
        for (int c = 0; c < published.length; c++) {
            classRank[c] = rank.get(published[c]);
        }
        if (inRuns && in.choice != null && in.weighting.policy() != Policy.EXPLICIT) {
            TallyInput runs = inRuns(in, target, classes.rowClass, classRank, distinct, unchanged && !compact);
            if (runs != null) {
                return runs;
            }
        }
        int[] rowRank = new int[n];
        byte[] via = new byte[n];
        int[] ballot = new int[n];
        for (int p = 0; p < n; p++) {
            rowRank[p] = classRank[classes.rowClass[p]];
            ballot[p] = ballotOf(in, target, p);
            via[p] = how(in, target, p);
        }
        int[] order = order(in, rowRank, via, ballot);
        if (unchanged && isIdentity(order)) {
            return in; // already published: the same classes, in the same order
        }
        return published(in, order, classes.rowClass, published, via, ballot);
    }

    /** The row whose ballot row {@code p}'s weight counts for (its own, or its delegate's), or -1. */
    private static int ballotOf(TallyInput in, int[] target, int p) {
        return in.anonymous ? (in.voted[p] ? p : -1) : target[p];
    }

    /** How row {@code p}'s ballot came about: its own, followed from a delegate, or lost on the way. */
    private static byte how(TallyInput in, int[] target, int p) {
        if (in.anonymous) {
            return in.via[p];
        }
        return in.voted[p]
                ? TallyInput.OWN
                : target[p] >= 0 ? TallyInput.FOLLOWED : in.delegate[p] >= 0 ? TallyInput.LOST : TallyInput.OWN;
    }

    /**
     * The published input of one-number ballots under weights that follow levels, without sorting a row: in
     * published order, rows fall into runs of (class rank, how the ballot came, the ballot's content) — a few
     * hundred at most — and every row of a run publishes the same group, level, weight and ballot, so counting
     * the runs' lengths is all the order there is to compute. The result is in runs (one row per run, its length in
     * {@link TallyInput#times}); {@link TallyInput#expanded()} writes the rows out run by run. This is the
     * published order of {@link #comparatorOrder}'s definition: rows of one run are indistinguishable, so their
     * order among themselves (row order there) shows in nothing published. The input is already published when its
     * classes do not change and its rows already come run after run. Null when the runs would outnumber the rows
     * (then rows are sorted).
     */
    private static TallyInput inRuns(
            TallyInput in, int[] target, int[] rowClass, int[] classRank, List<Key> distinct, boolean unchanged) {
        int n = in.n;
        int contents = in.k + 1; // no ballot, or option 0 .. k - 1
        long buckets = (long) distinct.size() * 4 * contents;
        if (buckets > Math.max(n, 1024)) {
            return null;
        }
        int[] length = new int[(int) buckets];
        boolean inOrder = true;
        int last = 0;
        for (int p = 0; p < n; p++) {
            int t = ballotOf(in, target, p);
            int how = how(in, target, p);
            int run = (classRank[rowClass[p]] * 4 + how) * contents + (t < 0 ? 0 : 1 + in.choice[t]);
            length[run]++;
            inOrder &= run >= last;
            last = run;
        }
        if (unchanged && inOrder) {
            return in; // already published: the same classes, in the same order
        }
        int runs = 0;
        for (int l : length) {
            runs += l > 0 ? 1 : 0;
        }
        Columns out = new Columns(in, runs);
        int[] choice = new int[runs];
        int[] times = new int[runs];
        int row = 0;
        for (int run = 0; run < length.length; run++) {
            if (length[run] == 0) {
                continue;
            }
            Key key = distinct.get(run / (4 * contents));
            int content = run % contents;
            out.set(row, key, in.weighting.weightOf(key.level), (byte) (run / contents % 4), content > 0);
            choice[row] = content - 1;
            times[row++] = length[run];
        }
        return out.input(choice, null, null, null, times);
    }

    /** What each row of a published input publishes besides its ballot, column by column, as the input keeps it. */
    private static final class Columns {
        private final TallyInput in;
        private final byte[] stake;
        private final int[] group;
        private final long[] weight;
        private final boolean[] voted;
        private final byte[] via;
        private final boolean[] hidden;
        private final byte[] suggested;

        Columns(TallyInput in, int n) {
            this.in = in;
            stake = new byte[n];
            group = new int[n];
            weight = new long[n];
            voted = new boolean[n];
            via = new byte[n];
            hidden = new boolean[n];
            suggested = new byte[n];
        }

        /** Row {@code row} publishes class {@code key} with this weight, way its ballot came, and a ballot or not. */
        void set(int row, Key key, long rowWeight, byte how, boolean cast) {
            stake[row] = (byte) key.level;
            group[row] = key.group;
            hidden[row] = key.hidden;
            weight[row] = rowWeight;
            via[row] = how;
            voted[row] = cast;
            suggested[row] = suggested(key);
        }

        /** The level a row of class {@code key} is anchored to (see {@link TallyInput#suggested}). */
        private byte suggested(Key key) {
            int other = in.groupIds.length;
            return (byte) (key.group < other ? in.groupLevel[key.group] : key.lowerTo >= 0 ? key.lowerTo : key.level);
        }

        TallyInput input(int[] choice, int[] start, int[] items, long[] pointSum, int[] times) {
            return new TallyInput(
                    in, stake, group, weight, voted, choice, start, items, pointSum, via, hidden, suggested, times);
        }
    }

    /**
     * The published input's columns, gathered in published order: row {@code i} is row {@code order[i]} of
     * {@code in} with its class's published group and level, its weight, how its ballot came and the ballot
     * its weight counts for (none when {@code ballot} is -1). Column by column, straight into the arrays the
     * input keeps (a builder would copy every row once more and check again what was checked).
     */
    private static TallyInput published(
            TallyInput in, int[] order, int[] rowClass, Key[] published, byte[] how, int[] ballot) {
        int n = order.length;
        boolean explicit = in.weighting.policy() == Policy.EXPLICIT;
        Columns out = new Columns(in, n);
        for (int i = 0; i < n; i++) {
            int p = order[i];
            Key key = published[rowClass[p]];
            out.set(i, key, explicit ? in.weight[p] : in.weighting.weightOf(key.level), how[p], ballot[p] >= 0);
        }
        int[] choice = null;
        int[] start = null;
        int[] items = null;
        long[] pointSum = null;
        if (in.choice != null) {
            choice = new int[n];
            for (int i = 0; i < n; i++) {
                int from = ballot[order[i]];
                choice[i] = from < 0 ? -1 : in.choice[from];
            }
        } else {
            start = new int[n + 1];
            for (int i = 0; i < n; i++) {
                int from = ballot[order[i]];
                start[i + 1] = start[i] + (from < 0 ? 0 : in.start[from + 1] - in.start[from]);
            }
            items = new int[start[n]];
            pointSum = in.pointSum == null ? null : new long[n];
            for (int i = 0; i < n; i++) {
                int from = ballot[order[i]];
                if (from >= 0) {
                    System.arraycopy(in.items, in.start[from], items, start[i], start[i + 1] - start[i]);
                    if (pointSum != null) {
                        pointSum[i] = in.pointSum[from];
                    }
                }
            }
        }
        return out.input(choice, start, items, pointSum, null);
    }

    private static boolean isIdentity(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rows in published order: class, then weight (heaviest first, for EXPLICIT weights that differ within a class),
     * how the ballot came, the ballot's content, and the row's place as the last tie-break (so the sort is stable).
     */
    private static int[] order(TallyInput in, int[] rank, byte[] via, int[] ballot) {
        boolean single = in.choice != null;
        boolean explicit = in.weighting.policy() == Policy.EXPLICIT;
        if (single && !explicit) {
            int[] sorted = countingOrder(in, rank, via, ballot);
            if (sorted != null) {
                return sorted;
            }
        }
        return comparatorOrder(in, rank, via, ballot);
    }

    /** The published order by its definition, for any ballot shape and weighting (the other two are shortcuts of it). */
    static int[] comparatorOrder(TallyInput in, int[] rank, byte[] via, int[] ballot) {
        int n = in.n;
        Integer[] boxed = new Integer[n];
        for (int p = 0; p < n; p++) {
            boxed[p] = p;
        }
        Comparator<Integer> byContent = Comparator.<Integer>comparingInt(p -> rank[p])
                .thenComparingLong(p -> -in.weight[p])
                .thenComparingInt(p -> via[p])
                .thenComparing((a, b) -> compareBallots(in, ballot[a], ballot[b]))
                .thenComparingInt(p -> p);
        Arrays.sort(boxed, byContent);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    /**
     * The published order of one-number ballots under weights that follow levels, by counting: rows fall into buckets of (class
     * rank, how the ballot came, the ballot's content), a few hundred at most, and within a bucket stay in row
     * order, which is the sort's last tie-break. Two passes over the rows instead of a sort of a million keys (the
     * sort was a tenth of a million-ballot recount). Null when the buckets would outnumber the rows (then the
     * comparator sorts).
     */
    static int[] countingOrder(TallyInput in, int[] rank, byte[] via, int[] ballot) {
        int n = in.n;
        int ranks = 0;
        int contents = 1;
        for (int p = 0; p < n; p++) {
            ranks = Math.max(ranks, rank[p] + 1);
            if (ballot[p] >= 0) {
                contents = Math.max(contents, in.choice[ballot[p]] + 2);
            }
        }
        long buckets = (long) ranks * 4 * contents;
        if (buckets > Math.max(n, 1024)) {
            return null;
        }
        int[] bucketOf = new int[n];
        int[] next = new int[(int) buckets + 1];
        for (int p = 0; p < n; p++) {
            int content = ballot[p] < 0 ? 0 : 1 + in.choice[ballot[p]];
            int b = (rank[p] * 4 + via[p]) * contents + content;
            bucketOf[p] = b;
            next[b + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            next[b + 1] += next[b];
        }
        int[] order = new int[n];
        for (int p = 0; p < n; p++) {
            order[next[bucketOf[p]]++] = p;
        }
        return order;
    }

    /** The initial classes of an input's rows: each row's class index, and each class's key and size. */
    private record Classes(int[] rowClass, List<Key> keys, int[] counts) {

        Map<Key, Integer> sizes() {
            Map<Key, Integer> sizes = new TreeMap<>();
            for (int c = 0; c < keys.size(); c++) {
                sizes.merge(keys.get(c), counts[c], Integer::sum);
            }
            return sizes;
        }

        static Classes of(TallyInput in) {
            int[] rowClass = new int[in.n];
            List<Key> keys = new ArrayList<>();
            int[] counts = new int[16];
            Map<Key, Integer> index = new HashMap<>();
            boolean explicit = in.weighting.policy() == Policy.EXPLICIT;
            // when weights follow levels, a dense table by (group, hidden, level, lowerTo) finds each row's class
            int groups = in.groupIds.length + 1;
            int[] dense = explicit ? null : new int[groups * 2 * (Weighting.MAX_STAKE + 1) * (Weighting.MAX_STAKE + 2)];
            if (dense != null) {
                Arrays.fill(dense, -1);
            }
            for (int p = 0; p < in.n; p++) {
                int g = in.group[p];
                int lowerTo = g == in.other() ? in.lowerTo(p) : -1;
                int c;
                if (dense != null) {
                    int cell = ((g * 2 + (in.hidden[p] ? 1 : 0)) * (Weighting.MAX_STAKE + 1) + in.stake[p])
                                    * (Weighting.MAX_STAKE + 2)
                            + lowerTo
                            + 1;
                    c = dense[cell];
                    if (c < 0) {
                        c = keys.size();
                        dense[cell] = c;
                        keys.add(new Key(g, in.stake[p], in.hidden[p], lowerTo, in.weight[p]));
                    }
                } else {
                    Key key = new Key(g, in.stake[p], in.hidden[p], lowerTo, in.weight[p]);
                    Integer known = index.get(key);
                    if (known == null) {
                        known = keys.size();
                        index.put(key, known);
                        keys.add(key);
                    }
                    c = known;
                }
                if (c == counts.length) {
                    counts = Arrays.copyOf(counts, counts.length * 2);
                }
                rowClass[p] = c;
                counts[c] += in.times(p);
            }
            return new Classes(rowClass, keys, Arrays.copyOf(counts, keys.size()));
        }
    }

    /** Orders ballots by content: none first, then by choice, then by their entries lexicographically. */
    private static int compareBallots(TallyInput in, int a, int b) {
        if (a < 0 || b < 0) {
            return Boolean.compare(a >= 0, b >= 0);
        }
        if (in.choice != null) {
            return Integer.compare(in.choice[a], in.choice[b]);
        }
        int la = in.start[a + 1] - in.start[a];
        int lb = in.start[b + 1] - in.start[b];
        for (int i = 0; i < Math.min(la, lb); i++) {
            int c = Integer.compare(in.items[in.start[a] + i], in.items[in.start[b] + i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(la, lb);
    }

    /**
     * Every class of a published input with its number of rows and own ballots: what each row publishes besides
     * its ballot, and how many rows publish it.
     */
    public static List<TallyResult.SmallClass> classes(TallyInput published) {
        // each row's class from the dense table of Classes.of (no key object per row), then the few classes sorted
        Classes classes = Classes.of(published);
        int[] ballots = new int[classes.keys.size()];
        for (int p = 0; p < published.n; p++) {
            if (published.voted[p] && !published.followed(p)) {
                ballots[classes.rowClass[p]] += published.times(p);
            }
        }
        Map<Key, int[]> sizes = new TreeMap<>();
        for (int c = 0; c < ballots.length; c++) {
            int[] s = sizes.computeIfAbsent(classes.keys.get(c), key -> new int[2]);
            s[0] += classes.counts[c];
            s[1] += ballots[c];
        }
        List<TallyResult.SmallClass> out = new ArrayList<>();
        sizes.forEach((key, s) -> out.add(smallClass(published.groupIds, key, s[0], s[1])));
        return out;
    }

    /**
     * The classes of a published input with fewer than k rows: declarations that their published weight (and
     * level or group, where it cannot be hidden) single out, so their ballots can be narrowed below k.
     */
    static List<TallyResult.SmallClass> smallClasses(TallyInput published) {
        return classes(published).stream()
                .filter(c -> c.declarations() < published.minCellVoters)
                .toList();
    }

    private static TallyResult.SmallClass smallClass(String[] groupIds, Key key, int rows, int ballots) {
        String group = key.group == groupIds.length ? TallyInput.OTHER : groupIds[key.group];
        return new TallyResult.SmallClass(
                group, key.hidden ? null : key.level, key.weight, key.lowerTo < 0 ? null : key.lowerTo, rows, ballots);
    }

    /**
     * The classes a secret proposal will publish, from the number of declarations per group and level
     * ({@code counts[g][s]}, groups in order): before voting opens, to say which declarations its weighting will
     * single out (stakes are frozen when voting opens, so the close publishes the same classes), and in a recount
     * from the ledger, to check the published document against the electorate. Ballots are counted as 0.
     */
    public static List<TallyResult.SmallClass> classes(
            Weighting weighting, boolean protection, int k, List<String> groupIds, int[] groupLevels, long[][] counts) {
        Rules rules = new Rules(weighting, protection, k, groupLevels);
        Map<Key, Integer> sizes = new TreeMap<>();
        for (int g = 0; g < counts.length; g++) {
            for (int s = 0; s < counts[g].length; s++) {
                if (counts[g][s] > 0) {
                    sizes.merge(
                            new Key(g, s, false, -1, weighting.weightOf(s)),
                            (int) Math.min(Integer.MAX_VALUE, counts[g][s]),
                            Integer::sum);
                }
            }
        }
        Plan plan = plan(rules, sizes);
        String[] ids = groupIds.toArray(new String[0]);
        List<TallyResult.SmallClass> out = new ArrayList<>();
        plan.sizes().forEach((key, size) -> out.add(smallClass(ids, key, size, 0)));
        return out;
    }
}
