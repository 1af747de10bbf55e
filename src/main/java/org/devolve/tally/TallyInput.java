package org.devolve.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
    /** The most points one allocation may give in total. */
    static final long MAX_POINTS = 1_000_000;
    static final int MAX_SCORE = 5;

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
    final String[] voters;
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
        voters = Arrays.copyOf(b.voters, n);
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

    /** The voter id of row {@code row}. */
    public String voter(int row) {
        return voters[row];
    }

    /**
     * Collects the declarations of one proposal, one row at a time: {@link #voter} starts a row, and the
     * calls after it (weight, delegate, ballot) fill that row. Nothing here allocates per row.
     */
    public static final class Builder {
        private static final List<String> STANCES = List.of("FOR", "AGAINST", "ABSTAIN");

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

        private int n;
        private String[] voters = new String[16];
        private byte[] stake = new byte[16];
        private int[] group = new int[16];
        private long[] weight = new long[16];
        private boolean[] weightGiven = new boolean[16];
        private String[] delegates = new String[16];
        private boolean[] voted = new boolean[16];
        private int[] choice = new int[16];
        private int[] start = new int[17];
        private long[] pointSum = new long[16];
        private int[] items = new int[64];
        private int itemCount;
        private int[] delegateRows;
        private boolean[] seen;

        private Builder(Method method, List<String> options) {
            if (method == null || options == null) {
                throw new IllegalArgumentException("method and options are required");
            }
            this.method = method;
            if (method == Method.APPROVE_REJECT) {
                if (!options.isEmpty() && !options.equals(STANCES)) {
                    violation(Reason.OPTIONS_INVALID, "options", "APPROVE_REJECT has the options FOR, AGAINST, ABSTAIN");
                }
                this.options = STANCES;
            } else {
                this.options = List.copyOf(options);
                if (options.isEmpty()) {
                    violation(Reason.OPTIONS_INVALID, "options", "at least one option is required");
                }
                if (new java.util.HashSet<>(options).size() != options.size()) {
                    violation(Reason.OPTIONS_INVALID, "options", "option names must be distinct");
                }
                for (int i = 0; i < options.size(); i++) {
                    if (options.get(i).isBlank()) {
                        violation(Reason.OPTIONS_INVALID, "options[" + i + "]", "an option needs a name");
                    }
                }
            }
            seen = new boolean[this.options.size()];
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
                violation(Reason.THRESHOLD_INVALID, "threshold", "CONSENT needs its objection fraction: use consent(x)");
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

        /** Starts the row of a person who declared {@code stake} (0..5) as a member of {@code group}. */
        public Builder voter(String id, int stake, String group) {
            grow();
            int row = n++;
            start[row] = itemCount;
            start[row + 1] = itemCount;
            choice[row] = -1;
            if (id == null || id.isEmpty()) {
                violation(Reason.FIELD_MISSING, path(row, "voter"), "a ballot needs a voter");
            }
            voters[row] = id;
            if (stake < 0 || stake > Weighting.MAX_STAKE) {
                violation(Reason.STAKE_INVALID, path(row, "stake"), "a stake is 0..5, not " + stake);
                stake = 0;
            }
            this.stake[row] = (byte) stake;
            Integer g = group == null ? null : groupIndex.get(group);
            if (g == null) {
                violation(Reason.GROUP_UNKNOWN, path(row, "group"), "group \"" + group + "\" is not listed");
                g = -1;
            }
            this.group[row] = g;
            return this;
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
            delegates[row()] = voter;
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
            if (option < 0 || option >= options.size()) {
                violation(Reason.OPTION_UNKNOWN, path(row, "choice"), "option " + option + " does not exist");
                option = -1;
            }
            choice[row] = option;
            return this;
        }

        /** An APPROVAL ballot approving {@code options} (possibly none). */
        public Builder approves(int... approved) {
            int row = ballot(Method.Ballot.APPROVALS);
            distinctIndices(row, "approvals", approved, Reason.APPROVAL_DUPLICATE);
            return this;
        }

        /** A SCORE ballot: one score 0..5 for every option, in option order. */
        public Builder scores(int... scores) {
            int row = ballot(Method.Ballot.SCORES);
            if (scores.length != options.size()) {
                violation(Reason.SCORES_INVALID, path(row, "scores"), "one score is needed for each of the "
                        + options.size() + " options");
                return this;
            }
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] < 0 || scores[i] > MAX_SCORE) {
                    violation(Reason.SCORES_INVALID, path(row, "scores[" + i + "]"), "a score is 0..5");
                }
                push(Math.max(0, Math.min(MAX_SCORE, scores[i])));
            }
            start[row + 1] = itemCount;
            return this;
        }

        /** A SPLIT or QUADRATIC ballot: points for every option, in option order (whole, ≥ 0, not all 0). */
        public Builder allocates(int... pointsPerOption) {
            int[] indices = new int[pointsPerOption.length];
            long[] points = new long[pointsPerOption.length];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = i;
                points[i] = pointsPerOption[i];
            }
            return allocation(indices, points);
        }

        /** A SPLIT or QUADRATIC ballot as pairs of option index and points, as the tally document has it. */
        Builder allocation(int[] indices, long[] points) {
            int row = ballot(Method.Ballot.ALLOCATION);
            int base = itemCount;
            for (int i = 0; i < options.size(); i++) {
                push(0);
            }
            long sum = 0;
            boolean valid = true;
            for (int i = 0; i < indices.length; i++) {
                String at = path(row, "allocation." + indices[i]);
                if (indices[i] < 0 || indices[i] >= options.size()) {
                    violation(Reason.OPTION_UNKNOWN, at, "option " + indices[i] + " does not exist");
                    valid = false;
                } else if (points[i] < 0 || points[i] > MAX_POINTS) {
                    violation(Reason.ALLOCATION_INVALID, at, "points are whole numbers 0..1000000");
                    valid = false;
                } else {
                    items[base + indices[i]] = (int) points[i];
                    sum += points[i];
                }
            }
            if (valid && sum > MAX_POINTS) {
                violation(Reason.ALLOCATION_INVALID, path(row, "allocation"), "points add up to more than 1000000");
            } else if (valid && sum == 0) {
                violation(Reason.ALLOCATION_EMPTY, path(row, "allocation"), "an allocation needs a point somewhere");
            }
            pointSum[row] = Math.max(sum, 1);
            start[row + 1] = itemCount;
            return this;
        }

        /** A ranked ballot: option indices, most preferred first; unranked options tie below the ranked ones. */
        public Builder ranks(int... ranking) {
            int row = ballot(Method.Ballot.RANKING);
            if (ranking.length == 0) {
                violation(Reason.RANKING_EMPTY, path(row, "ranking"), "a ranking needs at least one option");
            }
            distinctIndices(row, "ranking", ranking, Reason.RANKING_DUPLICATE);
            return this;
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

        public TallyInput build() {
            validateWeights();
            resolveDelegates();
            if (!violations.isEmpty()) {
                throw new InvalidTallyException(violations);
            }
            return new TallyInput(this);
        }

        void violation(Reason reason, String path, String detail) {
            if (violations.size() < 100) {
                violations.add(new Violation(reason, path, detail));
            }
        }

        Method method() {
            return method;
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
                        violation(Reason.WEIGHT_MISMATCH, path(row, "weight"), "stake " + stake[row] + " under "
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
            if (votersUnique) {
                boolean any = false;
                for (int row = 0; row < n && !any; row++) {
                    any = delegates[row] != null;
                }
                if (!any) {
                    Arrays.fill(delegateRows, -1);
                    return;
                }
            }
            StringIndex rows = new StringIndex(n);
            for (int row = 0; row < n; row++) {
                if (voters[row] != null && rows.putIfAbsent(voters[row], row) >= 0) {
                    violation(Reason.VOTER_DUPLICATE, path(row, "voter"), "voter \"" + voters[row] + "\" appears twice");
                }
            }
            for (int row = 0; row < n; row++) {
                delegateRows[row] = -1;
                if (delegates[row] != null) {
                    int d = rows.get(delegates[row]);
                    if (d < 0) {
                        violation(Reason.DELEGATE_UNKNOWN, path(row, "delegate"), "delegate \"" + delegates[row]
                                + "\" is not a voter in this tally");
                    } else {
                        delegateRows[row] = d;
                    }
                }
            }
        }

        private int ballot(Method.Ballot shape) {
            int row = row();
            if (method.ballot != shape) {
                violation(Reason.BALLOT_KIND_INVALID, path(row, shape.field), method + " ballots have "
                        + method.ballot.field + ", not " + shape.field);
            } else if (voted[row]) {
                violation(Reason.BALLOT_KIND_INVALID, path(row, shape.field), "a row holds one ballot");
            }
            voted[row] = true;
            return row;
        }

        private void distinctIndices(int row, String field, int[] indices, Reason duplicate) {
            Arrays.fill(seen, false);
            for (int i = 0; i < indices.length; i++) {
                int o = indices[i];
                if (o < 0 || o >= options.size()) {
                    violation(Reason.OPTION_UNKNOWN, path(row, field + "[" + i + "]"), "option " + o + " does not exist");
                } else if (seen[o]) {
                    violation(duplicate, path(row, field + "[" + i + "]"), "option " + o + " appears twice");
                } else {
                    seen[o] = true;
                    push(o);
                }
            }
            start[row + 1] = itemCount;
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

        private void grow() {
            if (n < voters.length) {
                return;
            }
            int size = voters.length * 2;
            voters = Arrays.copyOf(voters, size);
            stake = Arrays.copyOf(stake, size);
            group = Arrays.copyOf(group, size);
            weight = Arrays.copyOf(weight, size);
            weightGiven = Arrays.copyOf(weightGiven, size);
            delegates = Arrays.copyOf(delegates, size);
            voted = Arrays.copyOf(voted, size);
            choice = Arrays.copyOf(choice, size);
            pointSum = Arrays.copyOf(pointSum, size);
            start = Arrays.copyOf(start, size + 1);
        }
    }
}
