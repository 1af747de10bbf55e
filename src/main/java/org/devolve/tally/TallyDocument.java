package org.devolve.tally;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.devolve.tally.json.JsonException;
import org.devolve.tally.json.JsonReader;
import org.devolve.tally.json.JsonWriter;

/**
 * The tally document: the JSON form of a {@link TallyInput} that the service exports for every closed
 * proposal and that anyone can recount (format: docs/tally-format.md, schema:
 * docs/tally-document.schema.json). Reading is strict: unknown members, wrong types and inconsistent
 * values are refused with every {@link Violation} found, never guessed at.
 */
public final class TallyDocument {

    private static final List<String> TOP = List.of("version", "proposal", "ledgerHead", "method", "options",
            "weighting", "quorum", "threshold", "protection", "breakdown", "groups", "ballots");

    private TallyDocument() {
    }

    /** The members that open both a tally document and a result: version, proposal, ledger head, method, options. */
    static void header(JsonWriter j, String proposal, String ledgerHead, Method method, List<String> options) {
        j.name("version").value(TallyInput.VERSION);
        if (proposal != null) {
            j.name("proposal").value(proposal);
        }
        if (ledgerHead != null) {
            j.name("ledgerHead").value(ledgerHead);
        }
        j.name("method").value(method.name());
        j.name("options").beginArrayInline();
        options.forEach(j::value);
        j.endArray();
    }

    /** Writes {@code input} as a tally document, one ballot a line. */
    public static String toJson(TallyInput in) {
        JsonWriter j = new JsonWriter(2);
        j.beginObject();
        header(j, in.proposal, in.ledgerHead, in.method, in.options);
        j.name("weighting").beginObjectInline().name("policy").value(in.weighting.policy().name());
        if (in.weighting.policy() == Policy.CAPPED) {
            j.name("cap").value(in.weighting.cap());
        }
        j.endObject();
        j.name("quorum").beginObjectInline().name("turnout").value(Micro.format(in.quorumPpm))
                .name("headcount").value(in.quorumHeadcount).endObject();
        if (in.threshold != null) {
            j.name("threshold").beginObjectInline().name("rule").value(in.threshold.name());
            if (in.threshold == Threshold.CONSENT) {
                j.name("objection").value(Micro.format(in.objectionPpm));
            }
            j.endObject();
        }
        if (in.protection != null) {
            Protection p = in.protection;
            j.name("protection").beginObjectInline().name("rule").value(p.rule().name());
            if (p.rule() == Protection.Rule.NO_OBJECTION) {
                j.name("objection").value(Micro.format(p.objectionPpm()));
            }
            if (p.floorLevel() > 0) {
                j.name("floor").value(p.floorLevel());
            }
            j.endObject();
        }
        j.name("breakdown").beginObjectInline().name("secret").value(in.secret)
                .name("minCellVoters").value(in.minCellVoters).endObject();
        j.name("groups").beginArray();
        for (int g = 0; g < in.groupIds.length; g++) {
            j.beginObject().name("id").value(in.groupIds[g]).name("name").value(in.groupNames[g])
                    .name("suggestedLevel").value(in.groupLevel[g]).endObject();
        }
        j.endArray();
        j.name("ballots").beginArray();
        for (int row = 0; row < in.n; row++) {
            ballot(j, in, row);
        }
        j.endArray();
        j.endObject();
        return j.toString() + "\n";
    }

    private static void ballot(JsonWriter j, TallyInput in, int row) {
        j.beginObject().name("voter").value(in.voters[row]).name("stake").value(in.stake[row])
                .name("group").value(in.groupIds[in.group[row]]).name("weight").value(Micro.format(in.weight[row]));
        if (in.delegate[row] >= 0) {
            j.name("delegate").value(in.voters[in.delegate[row]]);
        }
        if (in.voted[row]) {
            j.name(in.method.ballot.field);
            switch (in.method.ballot) {
                case STANCE:
                    j.value(Stance.values()[in.choice[row]].name());
                    break;
                case CHOICE:
                    j.value(in.choice[row]);
                    break;
                case ALLOCATION:
                    j.beginObject();
                    for (int i = 0; i < in.k; i++) {
                        int points = in.items[in.start[row] + i];
                        if (points > 0) {
                            j.name(Integer.toString(i)).value(points);
                        }
                    }
                    j.endObject();
                    break;
                default:
                    j.beginArray();
                    for (int x = in.start[row]; x < in.start[row + 1]; x++) {
                        j.value(in.items[x]);
                    }
                    j.endArray();
            }
        }
        j.endObject();
    }

    /**
     * Reads a tally document.
     *
     * @throws InvalidTallyException listing every violation: malformed JSON, a member missing or of the
     *                               wrong type, or values the engine refuses (unknown option, weight
     *                               that does not match the policy, ...)
     */
    public static TallyInput fromJson(String json) {
        try {
            return new Reader(new JsonReader(json)).read();
        } catch (JsonException e) {
            throw new InvalidTallyException(List.of(new Violation(Reason.MALFORMED_JSON, "$", e.getMessage())));
        }
    }

    /** Reads the top level into small trees, and streams the ballots into the builder's columns. */
    private static final class Reader {
        private final JsonReader json;
        private final List<Violation> early = new ArrayList<>();
        private final java.util.Map<String, Object> top = new java.util.HashMap<>();
        private TallyInput.Builder builder;
        private int[] buffer = new int[16];
        private long[] points = new long[16];

        Reader(JsonReader json) {
            this.json = json;
        }

        TallyInput read() {
            if (json.peek() != JsonReader.Token.BEGIN_OBJECT) {
                throw new InvalidTallyException(List.of(new Violation(Reason.FIELD_INVALID, "$",
                        "a tally document is a JSON object")));
            }
            json.beginObject();
            boolean streamed = false;
            while (json.hasNext()) {
                String name = json.nextName();
                if (!TOP.contains(name)) {
                    early.add(new Violation(Reason.FIELD_INVALID, name, "\"" + name + "\" is not part of the format"));
                    json.skipValue();
                } else if (name.equals("ballots") && ready()) {
                    header();
                    streamBallots();
                    streamed = true;
                } else {
                    top.put(name, json.readValue());
                }
            }
            json.endObject();
            json.peek(); // nothing may follow the document
            if (!streamed) {
                header();
                if (builder != null) {
                    treeBallots(top.get("ballots"));
                }
            }
            if (builder == null) {
                throw new InvalidTallyException(early);
            }
            for (Violation v : early) {
                builder.violation(v.reason(), v.path(), v.detail());
            }
            return builder.build();
        }

        private boolean ready() {
            return top.containsKey("version") && top.containsKey("method") && top.containsKey("weighting")
                    && top.containsKey("groups")
                    && (top.containsKey("options") || Method.APPROVE_REJECT.name().equals(top.get("method")));
        }

        /** Builds the builder from the top-level members; on a fatal fault leaves it null. */
        private void header() {
            Object version = top.get("version");
            if (version == null) {
                early.add(new Violation(Reason.FIELD_MISSING, "version", "the document needs a version"));
                return;
            }
            if (!(version instanceof BigDecimal) || ((BigDecimal) version).compareTo(BigDecimal.ONE) != 0) {
                early.add(new Violation(Reason.VERSION_UNSUPPORTED, "version", "this engine reads version "
                        + TallyInput.VERSION + ", not " + version));
                return;
            }
            Method method = enumOf(Method.class, top.get("method"), "method");
            List<String> options = strings(top.get("options"), "options", method == Method.APPROVE_REJECT);
            if (method == null || options == null) {
                return;
            }
            builder = TallyInput.builder(method, options);
            Map<String, Object> weighting = object(top.get("weighting"), "weighting", true);
            if (weighting != null) {
                weighting(weighting);
            }
            Map<String, Object> quorum = object(top.get("quorum"), "quorum", false);
            if (quorum != null) {
                only(quorum, "quorum", "turnout", "headcount");
                long turnout = fraction(quorum.get("turnout"), "quorum.turnout", Reason.QUORUM_INVALID, 0);
                long headcount = whole(quorum.get("headcount"), "quorum.headcount", Reason.QUORUM_INVALID, 0);
                builder.quorum(turnout, (int) Math.min(Integer.MAX_VALUE, headcount));
            }
            Map<String, Object> threshold = object(top.get("threshold"), "threshold", false);
            if (threshold != null) {
                only(threshold, "threshold", "rule", "objection");
                Threshold rule = enumOf(Threshold.class, threshold.get("rule"), "threshold.rule");
                if (rule == Threshold.CONSENT) {
                    builder.consent(fraction(threshold.get("objection"), "threshold.objection",
                            Reason.THRESHOLD_INVALID, -1));
                } else if (rule != null) {
                    if (threshold.containsKey("objection")) {
                        early.add(new Violation(Reason.THRESHOLD_INVALID, "threshold.objection",
                                "an objection fraction goes with CONSENT only"));
                    }
                    builder.threshold(rule);
                }
            }
            Map<String, Object> protection = object(top.get("protection"), "protection", false);
            if (protection != null) {
                protection(protection);
            }
            Map<String, Object> breakdown = object(top.get("breakdown"), "breakdown", false);
            if (breakdown != null) {
                only(breakdown, "breakdown", "secret", "minCellVoters");
                Object secret = breakdown.get("secret");
                if (secret != null && !(secret instanceof Boolean)) {
                    early.add(new Violation(Reason.FIELD_INVALID, "breakdown.secret", "secret is true or false"));
                }
                long k = whole(breakdown.get("minCellVoters"), "breakdown.minCellVoters", Reason.CELL_SIZE_INVALID,
                        TallyInput.DEFAULT_MIN_CELL_VOTERS);
                if (Boolean.TRUE.equals(secret)) {
                    builder.secret((int) Math.min(Integer.MAX_VALUE, k));
                }
            }
            groups(top.get("groups"));
            String proposal = optionalString(top.get("proposal"), "proposal");
            String ledgerHead = optionalString(top.get("ledgerHead"), "ledgerHead");
            builder.provenance(proposal, ledgerHead);
        }

        private void weighting(Map<String, Object> w) {
            only(w, "weighting", "policy", "cap");
            Policy policy = enumOf(Policy.class, w.get("policy"), "weighting.policy");
            if (policy == null) {
                return;
            }
            if (policy == Policy.CAPPED) {
                long cap = whole(w.get("cap"), "weighting.cap", Reason.CAP_INVALID, -1);
                if (cap < 1 || cap > Weighting.MAX_STAKE) {
                    early.add(new Violation(Reason.CAP_INVALID, "weighting.cap", "CAPPED needs a cap of 1..5"));
                    return;
                }
                builder.weighting(Weighting.capped((int) cap));
            } else {
                if (w.containsKey("cap")) {
                    early.add(new Violation(Reason.CAP_INVALID, "weighting.cap", "a cap goes with CAPPED only"));
                }
                builder.weighting(new Weighting(policy, 0));
            }
        }

        private void protection(Map<String, Object> p) {
            only(p, "protection", "rule", "objection", "floor");
            Protection.Rule rule = enumOf(Protection.Rule.class, p.get("rule"), "protection.rule");
            long objection = rule == Protection.Rule.NO_OBJECTION
                    ? fraction(p.get("objection"), "protection.objection", Reason.PROTECTION_INVALID, -1) : 0;
            long floor = whole(p.get("floor"), "protection.floor", Reason.PROTECTION_INVALID, 0);
            if (rule == null) {
                return;
            }
            if (floor < 0 || floor > Weighting.MAX_STAKE
                    || (rule == Protection.Rule.NO_OBJECTION && (objection < 1 || objection > 1_000_000))
                    || (rule == Protection.Rule.MAJORITY && p.containsKey("objection"))) {
                early.add(new Violation(Reason.PROTECTION_INVALID, "protection", "a rule, an objection fraction in "
                        + "(0, 1] for NO_OBJECTION only, and a floor of 1..5 if any"));
                return;
            }
            builder.protection(new Protection(rule, objection, (int) floor));
        }

        private void groups(Object value) {
            List<Object> groups = array(value, "groups", true);
            if (groups == null) {
                return;
            }
            for (int g = 0; g < groups.size(); g++) {
                String path = "groups[" + g + "]";
                Map<String, Object> group = object(groups.get(g), path, true);
                if (group == null) {
                    continue;
                }
                only(group, path, "id", "name", "suggestedLevel");
                String id = optionalString(group.get("id"), path + ".id");
                String name = optionalString(group.get("name"), path + ".name");
                long level = whole(group.get("suggestedLevel"), path + ".suggestedLevel", Reason.LEVEL_INVALID, -1);
                builder.group(id, name, (int) Math.max(-1, Math.min(99, level)));
            }
        }

        // ---- ballots, streamed: no tree, no per-ballot map

        private void streamBallots() {
            if (builder == null || json.peek() != JsonReader.Token.BEGIN_ARRAY) {
                if (builder != null) {
                    early.add(new Violation(Reason.FIELD_INVALID, "ballots", "ballots is an array"));
                }
                json.skipValue();
                return;
            }
            json.beginArray();
            int row = 0;
            while (json.hasNext()) {
                streamBallot(row++);
            }
            json.endArray();
        }

        private void streamBallot(int row) {
            if (json.peek() != JsonReader.Token.BEGIN_OBJECT) {
                early.add(new Violation(Reason.FIELD_INVALID, "ballots[" + row + "]", "a ballot is an object"));
                json.skipValue();
                builder.voter(null, 0, null);
                return;
            }
            json.beginObject();
            String voter = null;
            String group = null;
            String delegate = null;
            long stake = -1;
            long weight = -2;
            String field = null;
            Object choice = null;
            int entries = -1;
            while (json.hasNext()) {
                String name = json.nextName();
                At at = new At(row, name);
                switch (name) {
                    case "voter":
                        voter = streamString(at);
                        break;
                    case "group":
                        group = streamString(at);
                        break;
                    case "delegate":
                        delegate = streamString(at);
                        break;
                    case "stake":
                        stake = streamWhole(at, Reason.STAKE_INVALID);
                        break;
                    case "weight":
                        String w = streamString(at);
                        weight = w == null ? -2 : Micro.parse(w, Micro.MAX_WEIGHT);
                        if (w != null && weight < 0) {
                            early.add(new Violation(Reason.WEIGHT_INVALID, at.toString(), "a weight is a decimal string such as "
                                    + "\"2.5\", 0..1000000 with at most six decimals"));
                        }
                        break;
                    case "choice":
                        field = name;
                        JsonReader.Token t = json.peek();
                        choice = t == JsonReader.Token.STRING ? json.nextString()
                                : t == JsonReader.Token.NUMBER ? (Object) json.nextNumber() : json.readValue();
                        break;
                    case "approvals":
                    case "scores":
                    case "ranking":
                        field = name;
                        entries = streamIndices(at);
                        break;
                    case "allocation":
                        field = name;
                        entries = streamAllocation(at);
                        break;
                    default:
                        early.add(new Violation(Reason.FIELD_INVALID, at.toString(), "\"" + name
                                + "\" is not part of a ballot"));
                        json.skipValue();
                }
            }
            json.endObject();
            ballot(row, voter, stake, group, weight, delegate, field, choice, entries);
        }

        /** A ballot member's path, spelled out only when a violation needs it. */
        private static final class At {
            final int row;
            final String name;

            At(int row, String name) {
                this.row = row;
                this.name = name;
            }

            @Override
            public String toString() {
                return "ballots[" + row + "]." + name;
            }
        }

        private String streamString(Object at) {
            if (json.peek() != JsonReader.Token.STRING) {
                early.add(new Violation(Reason.FIELD_INVALID, at.toString(), "expected a string"));
                json.skipValue();
                return null;
            }
            return json.nextString();
        }

        private long streamWhole(Object at, Reason reason) {
            if (json.peek() != JsonReader.Token.NUMBER) {
                early.add(new Violation(reason, at.toString(), "expected a whole number"));
                json.skipValue();
                return -1;
            }
            try {
                return json.nextLong();
            } catch (JsonException e) {
                early.add(new Violation(reason, at.toString(), "expected a whole number"));
                return -1;
            }
        }

        /** Reads an array of whole numbers into the buffer; returns its length, or -1 after a fault. */
        private int streamIndices(Object at) {
            if (json.peek() != JsonReader.Token.BEGIN_ARRAY) {
                early.add(new Violation(Reason.FIELD_INVALID, at.toString(), "expected an array of option indices"));
                json.skipValue();
                return -1;
            }
            json.beginArray();
            int count = 0;
            boolean ok = true;
            while (json.hasNext()) {
                long v = streamWhole(new Indexed(at, count), Reason.FIELD_INVALID);
                ok &= v >= -1;
                if (count == buffer.length) {
                    buffer = Arrays.copyOf(buffer, count * 2);
                }
                buffer[count++] = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, v));
            }
            json.endArray();
            return ok ? count : -1;
        }

        /** An array element's path, spelled out only when a violation needs it. */
        private static final class Indexed {
            final Object array;
            final int index;

            Indexed(Object array, int index) {
                this.array = array;
                this.index = index;
            }

            @Override
            public String toString() {
                return array + "[" + index + "]";
            }
        }

        private int streamAllocation(Object at) {
            if (json.peek() != JsonReader.Token.BEGIN_OBJECT) {
                early.add(new Violation(Reason.FIELD_INVALID, at.toString(), "expected an object of option index to points"));
                json.skipValue();
                return -1;
            }
            json.beginObject();
            int count = 0;
            boolean ok = true;
            while (json.hasNext()) {
                String key = json.nextName();
                int index = indexKey(key);
                long value = streamWhole(at + "." + key, Reason.ALLOCATION_INVALID);
                if (index < 0) {
                    early.add(new Violation(Reason.OPTION_UNKNOWN, at + "." + key, "\"" + key
                            + "\" is not an option index"));
                    ok = false;
                }
                ok &= value >= 0;
                if (count == buffer.length) {
                    buffer = Arrays.copyOf(buffer, count * 2);
                    points = Arrays.copyOf(points, count * 2);
                }
                if (count == points.length) {
                    points = Arrays.copyOf(points, buffer.length);
                }
                buffer[count] = index;
                points[count++] = value;
            }
            json.endObject();
            return ok ? count : -1;
        }

        private static int indexKey(String key) {
            if (key.isEmpty() || key.length() > 6 || (key.length() > 1 && key.charAt(0) == '0')) {
                return -1;
            }
            for (int i = 0; i < key.length(); i++) {
                if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                    return -1;
                }
            }
            return Integer.parseInt(key);
        }

        private void ballot(int row, String voter, long stake, String group, long weight, String delegate,
                String field, Object choice, int entries) {
            if (voter == null) {
                early.add(new Violation(Reason.FIELD_MISSING, new At(row, "voter").toString(), "a ballot needs a voter"));
            }
            if (stake == -1 && !hasViolationAt(new At(row, "stake").toString())) {
                early.add(new Violation(Reason.FIELD_MISSING, new At(row, "stake").toString(), "a ballot needs a stake"));
            }
            if (group == null && !hasViolationAt(new At(row, "group").toString())) {
                early.add(new Violation(Reason.FIELD_MISSING, new At(row, "group").toString(), "a ballot needs a group"));
            }
            builder.voter(voter == null ? "" : voter, (int) Math.max(-1, Math.min(99, stake)), group);
            if (weight >= 0) {
                builder.weight(weight);
            }
            if (delegate != null) {
                builder.delegatesTo(delegate);
            }
            if (field == null) {
                return;
            }
            At at = new At(row, field);
            switch (field) {
                case "choice":
                    choice(at, choice);
                    break;
                case "approvals":
                    if (entries >= 0) {
                        builder.approves(Arrays.copyOf(buffer, entries));
                    }
                    break;
                case "scores":
                    if (entries >= 0) {
                        builder.scores(Arrays.copyOf(buffer, entries));
                    }
                    break;
                case "ranking":
                    if (entries >= 0) {
                        builder.ranks(Arrays.copyOf(buffer, entries));
                    }
                    break;
                default:
                    if (entries >= 0) {
                        builder.allocation(Arrays.copyOf(buffer, entries), Arrays.copyOf(points, entries));
                    }
            }
        }

        private boolean hasViolationAt(String path) {
            for (int i = early.size() - 1; i >= 0 && i >= early.size() - 8; i--) {
                if (early.get(i).path().equals(path)) {
                    return true;
                }
            }
            return false;
        }

        private void choice(At at, Object choice) {
            if (builder.method() == Method.APPROVE_REJECT) {
                Stance stance = null;
                for (Stance s : Stance.values()) {
                    if (s.name().equals(choice)) {
                        stance = s;
                    }
                }
                if (stance == null) {
                    early.add(new Violation(Reason.STANCE_UNKNOWN, at.toString(), "the choice is FOR, AGAINST or ABSTAIN"));
                } else {
                    builder.vote(stance);
                }
            } else if (builder.method() == Method.SINGLE_CHOICE) {
                long index = -1;
                if (choice instanceof String && !((String) choice).isEmpty()
                        && (((String) choice).charAt(0) == '-' || Character.isDigit(((String) choice).charAt(0)))) {
                    try {
                        index = new BigDecimal((String) choice).longValueExact();
                    } catch (ArithmeticException | NumberFormatException e) {
                        index = -1;
                    }
                } else {
                    early.add(new Violation(Reason.FIELD_INVALID, at.toString(), "the choice is an option index"));
                    return;
                }
                builder.choice((int) Math.max(-1, Math.min(Integer.MAX_VALUE, index)));
            } else {
                builder.choice(0); // records BALLOT_KIND_INVALID: this method's ballots have another shape
            }
        }

        // ---- ballots from a tree (when "ballots" came before the header)

        private void treeBallots(Object value) {
            List<Object> ballots = array(value, "ballots", true);
            if (ballots == null) {
                return;
            }
            JsonWriter w = new JsonWriter(0);
            w.beginArray();
            for (Object b : ballots) {
                writeTree(w, b);
            }
            w.endArray();
            Reader sub = new Reader(new JsonReader(w.toString()));
            sub.builder = builder;
            sub.streamBallots();
            early.addAll(sub.early);
        }

        private static void writeTree(JsonWriter w, Object v) {
            if (v instanceof Map) {
                w.beginObject();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    w.name((String) e.getKey());
                    writeTree(w, e.getValue());
                }
                w.endObject();
            } else if (v instanceof List) {
                w.beginArray();
                for (Object o : (List<?>) v) {
                    writeTree(w, o);
                }
                w.endArray();
            } else if (v instanceof String) {
                w.value((String) v);
            } else if (v instanceof BigDecimal) {
                w.number(v.toString());
            } else if (v instanceof Boolean) {
                w.value((Boolean) v);
            } else {
                w.nullValue();
            }
        }

        // ---- small typed accessors over trees

        private <E extends Enum<E>> E enumOf(Class<E> type, Object value, String path) {
            if (value == null) {
                early.add(new Violation(Reason.FIELD_MISSING, path, path + " is required"));
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value)) {
                    return e;
                }
            }
            early.add(new Violation(Reason.FIELD_INVALID, path, "\"" + value + "\" is not one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }

        private List<String> strings(Object value, String path, boolean optional) {
            if (value == null && optional) {
                return List.of();
            }
            List<Object> list = array(value, path, true);
            if (list == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String)) {
                    early.add(new Violation(Reason.OPTIONS_INVALID, path + "[" + i + "]", "an option is a string"));
                    return null;
                }
                out.add((String) list.get(i));
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        private List<Object> array(Object value, String path, boolean required) {
            if (value == null) {
                if (required) {
                    early.add(new Violation(Reason.FIELD_MISSING, path, path + " is required"));
                }
                return null;
            }
            if (!(value instanceof List)) {
                early.add(new Violation(Reason.FIELD_INVALID, path, path + " is an array"));
                return null;
            }
            return (List<Object>) value;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> object(Object value, String path, boolean required) {
            if (value == null) {
                if (required) {
                    early.add(new Violation(Reason.FIELD_MISSING, path, path + " is required"));
                }
                return null;
            }
            if (!(value instanceof Map)) {
                early.add(new Violation(Reason.FIELD_INVALID, path, path + " is an object"));
                return null;
            }
            return (Map<String, Object>) value;
        }

        private void only(Map<String, Object> map, String path, String... allowed) {
            for (String key : map.keySet()) {
                if (!Arrays.asList(allowed).contains(key)) {
                    early.add(new Violation(Reason.FIELD_INVALID, path + "." + key, "\"" + key
                            + "\" is not part of " + path));
                }
            }
        }

        private String optionalString(Object value, String path) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof String)) {
                early.add(new Violation(Reason.FIELD_INVALID, path, path + " is a string"));
                return null;
            }
            return (String) value;
        }

        /** A fraction 0..1 as a decimal string, in parts per million; {@code absent} when missing. */
        private long fraction(Object value, String path, Reason reason, long absent) {
            if (value == null) {
                if (absent < 0) {
                    early.add(new Violation(reason, path, path + " is required"));
                }
                return absent;
            }
            long ppm = value instanceof String ? Micro.parse((String) value, Micro.ONE) : -1;
            if (ppm < 0) {
                early.add(new Violation(reason, path, "a fraction is a decimal string 0..1 such as \"0.5\""));
                return 0;
            }
            return ppm;
        }

        private long whole(Object value, String path, Reason reason, long absent) {
            if (value == null) {
                return absent;
            }
            try {
                if (value instanceof BigDecimal) {
                    long v = ((BigDecimal) value).longValueExact();
                    if (v >= 0) {
                        return v;
                    }
                }
            } catch (ArithmeticException e) {
                // reported below
            }
            early.add(new Violation(reason, path, path + " is a whole number ≥ 0"));
            return absent < 0 ? -1 : absent;
        }
    }
}
