package org.devolve.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Everything a tally needs, immutable and stored column by column (one primitive array per field, one
 * row per declaration), so that a million ballots cost a few arrays rather than a million objects.
 *
 * <p>Build one with {@link #builder(Method, List)}; read or write one as a tally document with
 * {@link TallyDocument}. {@link Builder#build()} validates everything and reports every fault at once
 * in an {@link InvalidTallyException}.
 */
public final class TallyInput {

    /** The tally document version this engine reads and writes. */
    public static final int VERSION = 1;
    /** The default k for secret-ballot breakdown cells. */
    public static final int DEFAULT_MIN_CELL_VOTERS = 5;
    /** The reserved group id of rows whose group a secret input does not publish. */
    public static final String OTHER = "other";
    /** How an anonymous row's ballot came about: the person's own. */
    static final byte OWN = 0;
    /** Their weight followed their delegate's ballot (the row holds a copy of it). */
    static final byte FOLLOWED = 1;
    /** They delegated, and the chain looped or ended without a ballot: not cast. */
    static final byte LOST = 2;

    final Method method;
    final List<String> options;
    final int k;
    final Weighting weighting;
    final long quorumPpm;
    final int quorumHeadcount;
    final Threshold threshold;
    final long objectionPpm;
    final Protection protection;
    final boolean secret;
    final int minCellVoters;
    final String proposal;
    final String ledgerHead;
    final String[] groupIds;
    final String[] groupNames;
    final int[] groupLevel;

    final int n;
    /** Voter ids; none in an anonymous input. */
    final Ids voters;

    final byte[] stake;
    final int[] group;
    final long[] weight;
    /** The delegate's row, or -1. */
    final int[] delegate;
    /** Whether the row cast a ballot. */
    final boolean[] voted;
    /** STANCE: the stance ordinal; CHOICE: the option; -1 without a ballot. Null for other shapes. */
    final int[] choice;
    /** Other shapes: row r's entries are {@code items[start[r] .. start[r + 1])}. */
    final int[] start;

    final int[] items;
    /** ALLOCATION: each row's total points. */
    final long[] pointSum;
    /**
     * A published secret input: rows carry no voter ids, each row holds the ballot its weight counts for
     * (its own, or a copy of its delegate's), and some rows' group or level is generalized (see {@link Secrecy}).
     */
    final boolean anonymous;
    /** Anonymous inputs: how each row's ballot came about ({@link #OWN}, {@link #FOLLOWED}, {@link #LOST}); else null. */
    final byte[] via;
    /** Each row's suggested level: its group's, or for a row in group "other" the level it would be lowered to. */
    final byte[] suggested;
    /** Anonymous inputs: rows whose stake level is not published (only the weight); {@code stake} is then the lowest level of that weight. */
    final boolean[] hidden;
    /**
     * Null, or (an input in runs, made by {@link Secrecy#forCounting} for the count only) how many identical
     * declarations each row stands for: every pass over the rows counts row {@code p} {@code times[p]} times. Such an
     * input never leaves the engine; {@link #expanded()} writes its rows out.
     */
    final int[] times;

    private TallyInput(Builder b) {
        method = b.method;
        options = b.options;
        k = options.size();
        weighting = b.weighting;
        quorumPpm = b.quorumPpm;
        quorumHeadcount = b.quorumHeadcount;
        threshold = b.threshold;
        objectionPpm = b.objectionPpm;
        protection = b.protection;
        secret = b.secret;
        minCellVoters = b.minCellVoters;
        proposal = b.proposal;
        ledgerHead = b.ledgerHead;
        groupIds = b.groupIds.toArray(new String[0]);
        groupNames = b.groupNames.toArray(new String[0]);
        groupLevel = b.groupLevels.stream().mapToInt(Integer::intValue).toArray();
        n = b.n;
        voters = b.voters.copy(n);
        stake = Arrays.copyOf(b.stake, n);
        group = Arrays.copyOf(b.group, n);
        weight = Arrays.copyOf(b.weight, n);
        delegate = b.delegateRows;
        voted = Arrays.copyOf(b.voted, n);
        boolean single = method.ballot == Method.Ballot.STANCE || method.ballot == Method.Ballot.CHOICE;
        choice = single ? Arrays.copyOf(b.choice, n) : null;
        start = single ? null : Arrays.copyOf(b.start, n + 1);
        items = single ? null : Arrays.copyOf(b.items, b.itemCount);
        pointSum = method.ballot == Method.Ballot.ALLOCATION ? Arrays.copyOf(b.pointSum, n) : null;
        anonymous = b.anonymousRows > 0;
        via = anonymous ? Arrays.copyOf(b.via, n) : null;
        hidden = Arrays.copyOf(b.hidden, n);
        suggested = b.suggestedRows;
        times = null;
    }

    /**
     * The published form of {@code in} ({@link Secrecy#publish}), from its columns: the settings of {@code in},
     * anonymous rows, no delegates. Nothing is checked again: every value comes from a checked input.
     */
    TallyInput(
            TallyInput in,
            byte[] stake,
            int[] group,
            long[] weight,
            boolean[] voted,
            int[] choice,
            int[] start,
            int[] items,
            long[] pointSum,
            byte[] via,
            boolean[] hidden,
            byte[] suggested,
            int[] times) {
        method = in.method;
        options = in.options;
        k = in.k;
        weighting = in.weighting;
        quorumPpm = in.quorumPpm;
        quorumHeadcount = in.quorumHeadcount;
        threshold = in.threshold;
        objectionPpm = in.objectionPpm;
        protection = in.protection;
        secret = in.secret;
        minCellVoters = in.minCellVoters;
        proposal = in.proposal;
        ledgerHead = in.ledgerHead;
        groupIds = in.groupIds;
        groupNames = in.groupNames;
        groupLevel = in.groupLevel;
        n = stake.length;
        voters = Ids.none();
        this.stake = stake;
        this.group = group;
        this.weight = weight;
        delegate = new int[n];
        Arrays.fill(delegate, -1);
        this.voted = voted;
        this.choice = choice;
        this.start = start;
        this.items = items;
        this.pointSum = pointSum;
        anonymous = n > 0;
        this.via = anonymous ? via : null;
        this.hidden = hidden;
        this.suggested = suggested;
        this.times = times;
    }

    /** How many declarations row {@code p} stands for: 1, except in an input in runs. */
    int times(int p) {
        return times == null ? 1 : times[p];
    }

    /**
     * An input in runs ({@link #times}) with each row written out as many times as it counts, in order: the
     * published input it stands for. Any other input as it is.
     */
    TallyInput expanded() {
        if (times == null) {
            return this;
        }
        int total = 0;
        for (int t : times) {
            total += t;
        }
        byte[] stakes = new byte[total];
        int[] groups = new int[total];
        long[] weights = new long[total];
        boolean[] cast = new boolean[total];
        int[] choices = new int[total];
        byte[] how = new byte[total];
        boolean[] hiddenLevels = new boolean[total];
        byte[] anchors = new byte[total];
        int from = 0;
        for (int r = 0; r < n; r++) {
            int to = from + times[r];
            Arrays.fill(stakes, from, to, stake[r]);
            Arrays.fill(groups, from, to, group[r]);
            Arrays.fill(weights, from, to, weight[r]);
            Arrays.fill(cast, from, to, voted[r]);
            Arrays.fill(choices, from, to, choice[r]);
            Arrays.fill(how, from, to, via[r]);
            Arrays.fill(hiddenLevels, from, to, hidden[r]);
            Arrays.fill(anchors, from, to, suggested[r]);
            from = to;
        }
        return new TallyInput(
                this, stakes, groups, weights, cast, choices, null, null, null, how, hiddenLevels, anchors, null);
    }

    /** The index of the group "other" in {@code group}: one past the listed groups. */
    int other() {
        return groupIds.length;
    }

    /** Starts an input for {@code method}; for APPROVE_REJECT pass {@code List.of()} or FOR/AGAINST/ABSTAIN. */
    public static Builder builder(Method method, List<String> options) {
        return new Builder(method, options);
    }

    public Method method() {
        return method;
    }

    public List<String> options() {
        return options;
    }

    public Weighting weighting() {
        return weighting;
    }

    /** The number of declarations (rows), voting or not. */
    public int size() {
        return n;
    }

    /** The weight of row {@code row} in micro-units, as given or as computed by the policy. */
    public long weight(int row) {
        return weight[row];
    }

    /** The voter id of row {@code row}; null in an anonymous (published secret) input. */
    public String voter(int row) {
        return voters.get(row);
    }

    // ---- read access for the document writer (org.devolve.tally.io) and other readers of an input

    public boolean secret() {
        return secret;
    }

    public int minCellVoters() {
        return minCellVoters;
    }

    public String proposal() {
        return proposal;
    }

    public String ledgerHead() {
        return ledgerHead;
    }

    public long quorumPpm() {
        return quorumPpm;
    }

    public int quorumHeadcount() {
        return quorumHeadcount;
    }

    /** The APPROVE_REJECT threshold, or null when none was set (simple majority). */
    public Threshold threshold() {
        return threshold;
    }

    public long objectionPpm() {
        return objectionPpm;
    }

    /** Protection of the most affected, or null. */
    public Protection protection() {
        return protection;
    }

    /** The number of listed groups. */
    public int groupCount() {
        return groupIds.length;
    }

    public String groupId(int g) {
        return groupIds[g];
    }

    public String groupName(int g) {
        return groupNames[g];
    }

    public int groupLevel(int g) {
        return groupLevel[g];
    }

    /** Whether the rows are anonymous: a published secret input. */
    public boolean anonymous() {
        return anonymous;
    }

    public int stake(int row) {
        return stake[row];
    }

    /** The row's group id, or {@link #OTHER}. */
    public String groupOf(int row) {
        return group[row] == groupIds.length ? OTHER : groupIds[group[row]];
    }

    /** The voter id of the row's delegate, or null. */
    public String delegateOf(int row) {
        return delegate[row] < 0 ? null : voters.get(delegate[row]);
    }

    public boolean hasBallot(int row) {
        return voted[row];
    }

    /** STANCE and CHOICE methods: the stance ordinal or the option (-1 without a ballot). */
    public int choiceOf(int row) {
        return choice[row];
    }

    /** Other methods: the row's approvals, scores, points per option, or ranking. */
    public int[] itemsOf(int row) {
        return Arrays.copyOfRange(items, start[row], start[row + 1]);
    }

    /** Anonymous rows: the weight followed a delegate's ballot (held by the row). */
    public boolean followed(int row) {
        return via != null && via[row] == FOLLOWED;
    }

    /** Anonymous rows: delegated, and the chain ended without a ballot. */
    public boolean lost(int row) {
        return via != null && via[row] == LOST;
    }

    /** Anonymous rows: only the weight is published, not the stake level. */
    public boolean levelHidden(int row) {
        return hidden[row];
    }

    /**
     * For a row in group "other": the level its weight would be lowered to under its group's suggested level,
     * where that lowers the weight; -1 otherwise (and for rows in listed groups, whose group says it).
     */
    public int lowerTo(int row) {
        if (group[row] != groupIds.length || weighting.policy() == Policy.EXPLICIT) {
            return -1;
        }
        return weighting.weightOf(suggested[row]) < weight[row] ? suggested[row] : -1;
    }

    /**
     * Collects the declarations of one proposal, one row at a time: {@link #voter} starts a row, and the
     * calls after it (weight, delegate, ballot) fill that row. Nothing here allocates per row.
     */
    public static final class Builder {
        private static final List<String> STANCES = List.of("FOR", "AGAINST", "ABSTAIN");
        /** While building: a row of group "other" (its index is fixed once every group is known). */
        private static final int OTHER_ROW = -2;

        private final Method method;
        private final List<String> options;
        private final List<Violation> violations = new ArrayList<>();
        private Weighting weighting = Weighting.linear();
        private long quorumPpm;
        private int quorumHeadcount;
        private Threshold threshold;
        private long objectionPpm;
        private Protection protection;
        private boolean secret;
        private int minCellVoters = DEFAULT_MIN_CELL_VOTERS;
        private String proposal;
        private String ledgerHead;
        private final List<String> groupIds = new ArrayList<>();
        private final List<String> groupNames = new ArrayList<>();
        private final List<Integer> groupLevels = new ArrayList<>();
        private final Map<String, Integer> groupIndex = new HashMap<>();
        private boolean votersUnique;
        private boolean dropUnknownDelegates;

        private int n;
        private int capacity = 16;
        private Ids voters = new Ids(16);
        private byte[] stake = new byte[16];
        private int[] group = new int[16];
        private long[] weight = new long[16];
        private boolean[] weightGiven = new boolean[16];
        private Ids delegates = new Ids(16);
        private boolean[] voted = new boolean[16];
        private int[] choice = new int[16];
        private int[] start = new int[17];
        private long[] pointSum = new long[16];
        private int[] items = new int[64];
        private int itemCount;
        private int[] delegateRows;
        private int namedRows;
        private int anonymousRows;
        private byte[] via = new byte[16];
        private boolean[] hidden = new boolean[16];
        private byte[] lowerTo = new byte[16];
        private byte[] suggestedRows;

        private Builder(Method method, List<String> options) {
            if (method == null || options == null) {
                throw new IllegalArgumentException("method and options are required");
            }
            this.method = method;
            if (method == Method.APPROVE_REJECT) {
                if (!options.isEmpty() && !options.equals(STANCES)) {
                    violation(
                            Reason.OPTIONS_INVALID, "options", "APPROVE_REJECT has the options FOR, AGAINST, ABSTAIN");
                }
                this.options = STANCES;
            } else {
                this.options = List.copyOf(options);
                if (options.isEmpty()) {
                    violation(Reason.OPTIONS_INVALID, "options", "at least one option is required");
                }
                if (new HashSet<>(options).size() != options.size()) {
                    violation(Reason.OPTIONS_INVALID, "options", "option names must be distinct");
                }
                for (int i = 0; i < options.size(); i++) {
                    if (options.get(i).isBlank()) {
                        violation(Reason.OPTIONS_INVALID, "options[" + i + "]", "an option needs a name");
                    }
                }
            }
        }

        /** The weighting policy (default LINEAR). */
        public Builder weighting(Weighting weighting) {
            this.weighting = weighting;
            return this;
        }

        /**
         * The quorum: weight cast ÷ weight declared must be at least {@code turnoutPpm} parts per million,
         * and at least {@code headcount} people must be counted (voters plus delegators whose weight followed).
         */
        public Builder quorum(long turnoutPpm, int headcount) {
            if (turnoutPpm < 0 || turnoutPpm > 1_000_000 || headcount < 0) {
                violation(Reason.QUORUM_INVALID, "quorum", "turnout must be 0..1 and headcount ≥ 0");
            }
            this.quorumPpm = turnoutPpm;
            this.quorumHeadcount = headcount;
            return this;
        }

        /** The threshold of an APPROVE_REJECT proposal (default SIMPLE_MAJORITY); see {@link #consent}. */
        public Builder threshold(Threshold threshold) {
            if (method != Method.APPROVE_REJECT) {
                violation(Reason.THRESHOLD_INVALID, "threshold", "a threshold applies to APPROVE_REJECT only");
            } else if (threshold == Threshold.CONSENT) {
                violation(
                        Reason.THRESHOLD_INVALID, "threshold", "CONSENT needs its objection fraction: use consent(x)");
            }
            this.threshold = threshold;
            return this;
        }

        /** Consent: adopted unless AGAINST ≥ x of the weight cast; x in parts per million, 1..1,000,000. */
        public Builder consent(long objectionPpm) {
            if (method != Method.APPROVE_REJECT) {
                violation(Reason.THRESHOLD_INVALID, "threshold", "a threshold applies to APPROVE_REJECT only");
            } else if (objectionPpm < 1 || objectionPpm > 1_000_000) {
                violation(Reason.THRESHOLD_INVALID, "threshold.objection", "the objection fraction must be in (0, 1]");
            }
            this.threshold = Threshold.CONSENT;
            this.objectionPpm = objectionPpm;
            return this;
        }

        /** Protection of the most affected (APPROVE_REJECT only). */
        public Builder protection(Protection protection) {
            if (method != Method.APPROVE_REJECT) {
                violation(Reason.PROTECTION_INVALID, "protection", "protection applies to APPROVE_REJECT only");
            }
            this.protection = protection;
            return this;
        }

        /** Secret ballots: breakdown cells of fewer than {@code minCellVoters} voters merge into "other". */
        public Builder secret(int minCellVoters) {
            if (minCellVoters < 1) {
                violation(Reason.CELL_SIZE_INVALID, "breakdown.minCellVoters", "k must be at least 1");
            }
            this.secret = true;
            this.minCellVoters = minCellVoters;
            return this;
        }

        /** Identifies the proposal and the ledger head the tally is computed from (both optional, echoed). */
        public Builder provenance(String proposal, String ledgerHead) {
            this.proposal = proposal;
            this.ledgerHead = ledgerHead;
            return this;
        }

        /** An affected group with its suggested stake level (0..5). */
        public Builder group(String id, String name, int suggestedLevel) {
            String path = "groups[" + groupIds.size() + "]";
            if (id == null || id.isEmpty()) {
                violation(Reason.FIELD_MISSING, path + ".id", "a group needs an id");
            } else if (OTHER.equals(id)) {
                violation(Reason.GROUP_DUPLICATE, path + ".id", "the group id \"other\" is reserved");
            } else if (groupIndex.putIfAbsent(id, groupIds.size()) != null) {
                violation(Reason.GROUP_DUPLICATE, path + ".id", "group \"" + id + "\" is listed twice");
            }
            if (suggestedLevel < 0 || suggestedLevel > Weighting.MAX_STAKE) {
                violation(Reason.LEVEL_INVALID, path + ".suggestedLevel", "a level is 0..5");
            }
            groupIds.add(id);
            groupNames.add(name == null ? id : name);
            groupLevels.add(suggestedLevel);
            return this;
        }

        /**
         * The index of the listed group whose id is {@code text[from, from + count)}, for {@link #voter(char[], int,
         * int, int, int)}: -1 when no listed group has it ("other" included), -2 when there are too many groups to
         * look through per row (then pass the id as a string).
         */
        public int groupIndex(char[] text, int from, int count) {
            int listed = groupIds.size();
            if (listed > 16) {
                return -2;
            }
            if (groupKeys == null || groupKeys.length != listed) {
                groupKeys = new char[listed][];
                for (int g = 0; g < listed; g++) {
                    String id = groupIds.get(g);
                    Integer indexed = id == null ? null : groupIndex.get(id);
                    groupKeys[g] = indexed != null && indexed == g ? id.toCharArray() : null;
                }
            }
            for (int g = 0; g < listed; g++) {
                if (matches(groupKeys[g], text, from, count)) {
                    return g;
                }
            }
            return -1;
        }

        /** Whether {@code key} is {@code text[from, from + count)}: group ids are short, a plain loop beats a range check. */
        private static boolean matches(char[] key, char[] text, int from, int count) {
            if (key == null || key.length != count) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (key[i] != text[from + i]) {
                    return false;
                }
            }
            return true;
        }

        /** The ids of the listed groups as characters ({@link #groupIndex}), null for one that is not indexed. */
        private char[][] groupKeys;

        /** Starts the row of a person who declared {@code stake} (0..5) as a member of {@code group}. */
        public Builder voter(String id, int stake, String group) {
            int row = startRow(stake, group, false);
            voters.set(row, id);
            return named(row);
        }

        /**
         * {@link #voter(String, int, String)} for a reader that holds the id as characters and has found the group
         * among the listed ones ({@code group}: its index, in the order {@link #group} listed them): nothing is
         * allocated for the row. The characters are copied.
         */
        public Builder voter(char[] id, int from, int count, int stake, int group) {
            if (group < 0 || group >= groupIds.size()) {
                throw new IllegalArgumentException("not a listed group: " + group);
            }
            int row = startRow(stake, group);
            voters.set(row, id, from, count);
            return named(row);
        }

        private Builder named(int row) {
            namedRows++;
            if (!voters.has(row) || voters.empty(row)) {
                violation(Reason.FIELD_MISSING, path(row, "voter"), "a ballot needs a voter");
            }
            return this;
        }

        /**
         * Starts a row of a published secret input: no voter id, and {@code group} may be {@link #OTHER}. Its
         * ballot, if any, is the one its weight counts for: its own, or (after {@link #followed()}) a copy of its
         * delegate's.
         */
        public Builder anonymous(int stake, String group) {
            startRow(stake, group, true);
            anonymousRows++;
            return this;
        }

        /**
         * {@link #anonymous(int, String)} for a reader that has found the group: {@code group} is a listed group's
         * index, or the number of listed groups for {@link #OTHER}.
         */
        public Builder anonymous(int stake, int group) {
            if (group < 0 || group > groupIds.size()) {
                throw new IllegalArgumentException("not a listed group: " + group);
            }
            startRow(stake, group == groupIds.size() ? OTHER_ROW : group);
            anonymousRows++;
            return this;
        }

        /** The current anonymous row's weight followed a delegate's ballot, which the row holds a copy of. */
        public Builder followed() {
            via[row()] = FOLLOWED;
            return this;
        }

        /** The current anonymous row delegated, and the chain looped or ended without a ballot. */
        public Builder lost() {
            via[row()] = LOST;
            return this;
        }

        /**
         * The current anonymous row does not publish its stake level, only its weight (in micro-units); the
         * row's stake becomes the lowest level of that weight, which every count gives the same result with.
         */
        public Builder hideLevel(long micros) {
            int row = row();
            hidden[row] = true;
            weight(micros);
            if (weighting.policy() == Policy.EXPLICIT) {
                stake[row] = (byte) (micros > 0 ? 1 : 0);
                return this;
            }
            for (int s = 0; s <= Weighting.MAX_STAKE; s++) {
                if (weighting.weightOf(s) == micros) {
                    stake[row] = (byte) s;
                    weightGiven[row] = false; // checked: the level gives exactly this weight
                    return this;
                }
            }
            violation(
                    Reason.WEIGHT_MISMATCH,
                    path(row, "weight"),
                    "no stake level weighs " + Micro.format(micros) + " under " + weighting.policy());
            return this;
        }

        /**
         * The level the current anonymous row in group "other" would be lowered to if it were held to its
         * group's suggested level (present only where that lowers its weight).
         */
        public Builder lowerTo(int level) {
            int row = row();
            if (level < 0 || level > Weighting.MAX_STAKE) {
                violation(Reason.LEVEL_INVALID, path(row, "lowerTo"), "a level is 0..5");
                level = -1;
            }
            lowerTo[row] = (byte) level;
            return this;
        }

        private int startRow(int stake, String group, boolean anonymousRow) {
            Integer g = group == null ? null : groupIndex.get(group);
            if (g == null && anonymousRow && OTHER.equals(group)) {
                g = OTHER_ROW;
            }
            int row = startRow(stake, g == null ? -1 : g);
            if (g == null) {
                violation(Reason.GROUP_UNKNOWN, path(row, "group"), "group \"" + group + "\" is not listed");
            }
            return row;
        }

        /** Starts a row in group {@code g}: a listed group's index, {@link #OTHER_ROW}, or -1 (unknown, reported). */
        private int startRow(int stake, int g) {
            grow();
            int row = n++;
            start[row] = itemCount;
            start[row + 1] = itemCount;
            choice[row] = -1;
            via[row] = OWN;
            hidden[row] = false;
            lowerTo[row] = -1;
            if (stake < 0 || stake > Weighting.MAX_STAKE) {
                violation(Reason.STAKE_INVALID, path(row, "stake"), "a stake is 0..5, not " + stake);
                stake = 0;
            }
            this.stake[row] = (byte) stake;
            this.group[row] = g;
            return row;
        }

        /** The current row's weight in micro-units: required under EXPLICIT, otherwise checked. */
        public Builder weight(long micros) {
            int row = row();
            if (micros < 0 || micros > Micro.MAX_WEIGHT) {
                violation(Reason.WEIGHT_INVALID, path(row, "weight"), "a weight is 0..1000000");
            }
            weight[row] = micros;
            weightGiven[row] = true;
            return this;
        }

        /** The current row delegates to {@code voter}; their weight follows that ballot if they cast none. */
        public Builder delegatesTo(String voter) {
            delegates.set(row(), voter);
            return this;
        }

        /** {@link #delegatesTo(String)} with the delegate's id as characters (copied). */
        public Builder delegatesTo(char[] voter, int from, int count) {
            delegates.set(row(), voter, from, count);
            return this;
        }

        /** An APPROVE_REJECT ballot. */
        public Builder vote(Stance stance) {
            int row = ballot(Method.Ballot.STANCE);
            choice[row] = stance.ordinal();
            return this;
        }

        /** A SINGLE_CHOICE ballot for option {@code option} (0-based). */
        public Builder choice(int option) {
            int row = ballot(Method.Ballot.CHOICE);
            if (BallotRules.validChoice(option, options.size())) {
                choice[row] = option;
                return this;
            }
            List<Violation> found = scratch();
            BallotRules.choice(option, options.size(), path(row, "choice"), found);
            report(found);
            choice[row] = -1;
            return this;
        }

        /** An APPROVAL ballot approving {@code options} (possibly none). */
        public Builder approves(int... approved) {
            int row = ballot(Method.Ballot.APPROVALS);
            if (BallotRules.validDistinct(approved, options.size(), seen())) {
                return items(row, approved);
            }
            List<Violation> found = scratch();
            BallotRules.approvals(longs(approved), options.size(), path(row, "approvals"), found);
            report(found);
            return items(row, new int[0]);
        }

        /** A SCORE ballot: one score 0..5 for every option, in option order. */
        public Builder scores(int... scores) {
            int row = ballot(Method.Ballot.SCORES);
            if (BallotRules.validScores(scores, options.size())) {
                return items(row, scores);
            }
            List<Violation> found = scratch();
            BallotRules.scores(longs(scores), options.size(), path(row, "scores"), found);
            report(found);
            return items(row, new int[0]);
        }

        /** A SPLIT or QUADRATIC ballot: points for every option, in option order (whole, ≥ 0, not all 0). */
        public Builder allocates(int... pointsPerOption) {
            if (BallotRules.validPoints(pointsPerOption, options.size())) {
                int row = ballot(Method.Ballot.ALLOCATION);
                long sum = 0;
                for (int i = 0; i < options.size(); i++) {
                    int v = i < pointsPerOption.length ? pointsPerOption[i] : 0;
                    push(v);
                    sum += v;
                }
                pointSum[row] = Math.max(sum, 1);
                start[row + 1] = itemCount;
                return this;
            }
            String[] keys = new String[pointsPerOption.length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = Integer.toString(i);
            }
            return allocation(keys, longs(pointsPerOption));
        }

        /** A SPLIT or QUADRATIC ballot as the tally document has it: option index keys and their points. */
        public Builder allocation(String[] keys, long[] points) {
            int row = ballot(Method.Ballot.ALLOCATION);
            List<Violation> found = scratch();
            long[] perOption = BallotRules.allocation(keys, points, options.size(), path(row, "allocation"), found);
            report(found);
            long sum = 0;
            for (int i = 0; i < options.size(); i++) {
                long v = perOption == null ? 0 : perOption[i];
                push((int) v);
                sum += v;
            }
            pointSum[row] = Math.max(sum, 1);
            start[row + 1] = itemCount;
            return this;
        }

        /** A ranked ballot: option indices, most preferred first; unranked options tie below the ranked ones. */
        public Builder ranks(int... ranking) {
            int row = ballot(Method.Ballot.RANKING);
            if (ranking.length > 0 && BallotRules.validDistinct(ranking, options.size(), seen())) {
                return items(row, ranking);
            }
            List<Violation> found = scratch();
            BallotRules.ranking(longs(ranking), options.size(), path(row, "ranking"), found);
            report(found);
            return items(row, new int[0]);
        }

        private boolean[] seen;

        private boolean[] seen() {
            if (seen == null || seen.length < options.size()) {
                seen = new boolean[options.size()];
            }
            return seen;
        }

        /** Keeps a ballot's entries (none for a refused one: the build fails anyway). */
        private Builder items(int row, int[] values) {
            for (int v : values) {
                push(v);
            }
            start[row + 1] = itemCount;
            return this;
        }

        /** One list reused for every ballot's check: a million ballots allocate nothing for the rulebook. */
        private final List<Violation> scratch = new ArrayList<>();

        private List<Violation> scratch() {
            scratch.clear();
            return scratch;
        }

        /** Records what the rulebook found; whether the ballot passed. */
        private boolean report(List<Violation> found) {
            for (Violation v : found) {
                violation(v.reason(), v.path(), v.detail());
            }
            return found.isEmpty();
        }

        private static long[] longs(int[] values) {
            long[] out = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i];
            }
            return out;
        }

        /** Validates everything and returns the input, or throws {@link InvalidTallyException} with every fault. */
        /**
         * Declares that the caller guarantees every voter id to be unique (the service reads them from a table
         * with a unique constraint): the builder then skips the duplicate check, and indexes the ids only when
         * some row names a delegate. Documents read from JSON are always checked.
         */
        public Builder votersUnique() {
            this.votersUnique = true;
            return this;
        }

        /**
         * Declares that a delegate who is not a voter of this tally cannot carry a ballot, so the row stands as if it
         * named no delegate (the service: a delegate who declared no stake in the proposal). Without it such a row
         * is refused ({@link Reason#DELEGATE_UNKNOWN}), as every document read from JSON is.
         */
        public Builder dropUnknownDelegates() {
            this.dropUnknownDelegates = true;
            return this;
        }

        public TallyInput build() {
            validateRows();
            validateWeights();
            resolveDelegates();
            if (!violations.isEmpty()) {
                throw new InvalidTallyException(violations);
            }
            return new TallyInput(this);
        }

        /** Records a fault found by a reader of the input (a document reader, say); {@link #build()} reports it. */
        public void violation(Reason reason, String path, String detail) {
            if (violations.size() < 100) {
                violations.add(new Violation(reason, path, detail));
            }
        }

        public Method method() {
            return method;
        }

        /** The number of groups listed so far (the index {@link #anonymous(int, int)} takes for "other"). */
        public int groupCount() {
            return groupIds.size();
        }

        /** Anonymous rows: secret inputs only, never mixed with named ones, "other" placed; every row's suggested level. */
        private void validateRows() {
            if (anonymousRows > 0 && !secret) {
                violation(Reason.FIELD_MISSING, "ballots", "rows without a voter belong to secret tallies only");
            }
            if (anonymousRows > 0 && namedRows > 0) {
                violation(Reason.FIELD_INVALID, "ballots", "either every row names its voter, or none does");
            }
            int other = groupIds.size();
            suggestedRows = new byte[n];
            for (int row = 0; row < n; row++) {
                boolean anonymousRow = anonymousRows > 0;
                if (group[row] == OTHER_ROW) {
                    group[row] = other;
                }
                int g = group[row];
                if (anonymousRow && delegates.has(row)) {
                    violation(
                            Reason.FIELD_INVALID,
                            path(row, "delegate"),
                            "a row without a voter holds the ballot " + "its weight followed, not a delegate");
                }
                if (!anonymousRow && via[row] != OWN) {
                    violation(
                            Reason.FIELD_INVALID,
                            path(row, "via"),
                            "only rows without a voter say how their ballot came");
                }
                if (via[row] == FOLLOWED && !voted[row]) {
                    violation(
                            Reason.FIELD_MISSING,
                            path(row, "via"),
                            "a row that followed its delegate holds that ballot");
                } else if (via[row] == LOST && voted[row]) {
                    violation(Reason.FIELD_INVALID, path(row, "via"), "a delegation that was not cast holds no ballot");
                }
                if (g >= 0 && g < other) {
                    suggestedRows[row] = (byte) (int) groupLevels.get(g);
                    if (lowerTo[row] >= 0) {
                        violation(
                                Reason.FIELD_INVALID,
                                path(row, "lowerTo"),
                                "a row in a listed group is lowered to " + "its group's suggested level");
                    }
                } else if (g == other) {
                    suggestedRows[row] = lowerTo[row] >= 0 ? lowerTo[row] : stake[row];
                    if (lowerTo[row] >= 0
                            && weighting.policy() != Policy.EXPLICIT
                            && stake[row] >= 0
                            && weighting.weightOf(lowerTo[row]) >= weighting.weightOf(stake[row])) {
                        violation(
                                Reason.FIELD_INVALID,
                                path(row, "lowerTo"),
                                "lowerTo is given only where it " + "lowers the row's weight");
                    }
                }
            }
        }

        private void validateWeights() {
            long total = 0;
            boolean explicit = weighting.policy() == Policy.EXPLICIT;
            long[] byStake = new long[Weighting.MAX_STAKE + 1];
            for (int s = 0; s < byStake.length && !explicit; s++) {
                byStake[s] = weighting.weightOf(s);
            }
            for (int row = 0; row < n; row++) {
                if (explicit) {
                    if (!weightGiven[row]) {
                        violation(Reason.WEIGHT_REQUIRED, path(row, "weight"), "EXPLICIT weighting needs a weight");
                    } else if (stake[row] == 0 && weight[row] > 0) {
                        violation(Reason.WEIGHT_MISMATCH, path(row, "weight"), "stake 0 means no vote, so weight 0");
                    }
                } else {
                    long computed = byStake[stake[row]];
                    if (weightGiven[row] && weight[row] != computed) {
                        violation(
                                Reason.WEIGHT_MISMATCH,
                                path(row, "weight"),
                                "stake " + stake[row] + " under "
                                        + weighting.policy() + " weighs " + Micro.format(computed) + ", not "
                                        + Micro.format(weight[row]));
                    }
                    weight[row] = computed;
                }
                total += weight[row];
                if (total > Micro.MAX_TOTAL) {
                    violation(Reason.TOTAL_OVERFLOW, "ballots", "the weight declared exceeds 10^12 units");
                    return;
                }
            }
        }

        private void resolveDelegates() {
            delegateRows = new int[n];
            if ((votersUnique || !voters.any()) && !delegates.any()) {
                Arrays.fill(delegateRows, -1);
                return;
            }
            IdIndex.Resolved resolved = IdIndex.resolve(voters, delegates, n);
            for (int row : resolved.repeats()) {
                duplicate(row);
            }
            delegateRows = resolved.delegateRow();
            for (int row = 0; row < n; row++) {
                if (delegateRows[row] < 0 && delegates.has(row)) {
                    if (dropUnknownDelegates) {
                        delegates.clear(row);
                    } else {
                        violation(
                                Reason.DELEGATE_UNKNOWN,
                                path(row, "delegate"),
                                "delegate \"" + delegates.get(row) + "\" is not a voter in this tally");
                    }
                }
            }
        }

        private void duplicate(int row) {
            violation(Reason.VOTER_DUPLICATE, path(row, "voter"), "voter \"" + voters.get(row) + "\" appears twice");
        }

        private int ballot(Method.Ballot shape) {
            int row = row();
            if (method.ballot != shape) {
                violation(
                        Reason.BALLOT_KIND_INVALID,
                        path(row, shape.field),
                        method + " ballots have " + method.ballot.field + ", not " + shape.field);
            } else if (voted[row]) {
                violation(Reason.BALLOT_KIND_INVALID, path(row, shape.field), "a row holds one ballot");
            }
            voted[row] = true;
            return row;
        }

        private int row() {
            if (n == 0) {
                throw new IllegalStateException("call voter(...) first");
            }
            return n - 1;
        }

        private static String path(int row, String field) {
            return "ballots[" + row + "]." + field;
        }

        private void push(int value) {
            if (itemCount == items.length) {
                items = Arrays.copyOf(items, items.length * 2);
            }
            items[itemCount++] = value;
        }

        /** Makes room for {@code rows} rows at once: a reader that knows how many follow saves the doublings. */
        public Builder expectRows(int rows) {
            if (rows > capacity) {
                resize(rows);
            }
            return this;
        }

        private void grow() {
            if (n < capacity) {
                return;
            }
            resize(capacity * 2);
        }

        private void resize(int size) {
            capacity = size;
            voters.resize(size);
            stake = Arrays.copyOf(stake, size);
            group = Arrays.copyOf(group, size);
            weight = Arrays.copyOf(weight, size);
            weightGiven = Arrays.copyOf(weightGiven, size);
            delegates.resize(size);
            voted = Arrays.copyOf(voted, size);
            choice = Arrays.copyOf(choice, size);
            pointSum = Arrays.copyOf(pointSum, size);
            start = Arrays.copyOf(start, size + 1);
            via = Arrays.copyOf(via, size);
            hidden = Arrays.copyOf(hidden, size);
            lowerTo = Arrays.copyOf(lowerTo, size);
        }
    }
}
