package org.devolve.tally.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devolve.tally.BallotRules;
import org.devolve.tally.InvalidTallyException;
import org.devolve.tally.Method;
import org.devolve.tally.Micro;
import org.devolve.tally.Policy;
import org.devolve.tally.Protection;
import org.devolve.tally.Reason;
import org.devolve.tally.Stance;
import org.devolve.tally.TallyInput;
import org.devolve.tally.Threshold;
import org.devolve.tally.Violation;
import org.devolve.tally.Weighting;

/**
 * The tally document: the JSON form of a {@link TallyInput} that the service exports for every closed proposal
 * and that anyone can recount (format: docs/tally-format.md, schema: docs/tally-document.schema.json).
 *
 * <p>Reading streams the ballots straight into the input's columns with jackson-core (no tree, no object per
 * ballot) when the header comes first, as {@link #write} puts it; a document whose ballots come first is read in
 * two passes. Reading is strict: unknown members, duplicate keys, wrong types, trailing text and inconsistent
 * values are refused with every {@link Violation} found, never guessed at.
 */
public final class TallyDocument {

    private static final Set<String> TOP = Set.of(
            "version",
            "proposal",
            "ledgerHead",
            "method",
            "options",
            "weighting",
            "quorum",
            "threshold",
            "protection",
            "breakdown",
            "groups",
            "ballots");
    private static final Set<String> HEADER_NEEDED = Set.of("version", "method", "weighting", "groups");

    private TallyDocument() {}

    /** Something that opens the document's bytes, once or (for a document whose ballots come first) twice. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /** Reads a tally document from text. */
    public static TallyInput fromJson(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return read(() -> new ByteArrayInputStream(bytes));
    }

    /**
     * Reads a tally document.
     *
     * @throws InvalidTallyException listing every violation: malformed JSON, a member missing or of the wrong
     *                               type, or values the engine refuses (unknown option, a weight that does not
     *                               match the policy, ...)
     */
    public static TallyInput read(Source source) {
        try {
            return new Reader(source).read();
        } catch (JsonProcessingException e) {
            throw malformed(e.getOriginalMessage() + Json.where(e));
        } catch (Json.Malformed e) {
            throw malformed(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidTallyException malformed(String message) {
        return new InvalidTallyException(List.of(new Violation(Reason.MALFORMED_JSON, "$", message)));
    }

    /** Writes the input as a tally document, one ballot a line. */
    public static String toJson(TallyInput in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + in.size() * 64);
        write(in, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the input as a tally document, one ballot a line, to {@code out} (not closed). */
    public static void write(TallyInput in, OutputStream out) {
        try (JsonGenerator j = Json.FACTORY.createGenerator(out)) {
            j.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            j.writeStartObject();
            header(j, in.proposal(), in.ledgerHead(), in.method(), in.options());
            j.writeObjectFieldStart("weighting");
            j.writeStringField("policy", in.weighting().policy().name());
            if (in.weighting().policy() == Policy.CAPPED) {
                j.writeNumberField("cap", in.weighting().cap());
            }
            j.writeEndObject();
            j.writeObjectFieldStart("quorum");
            j.writeStringField("turnout", Micro.format(in.quorumPpm()));
            j.writeNumberField("headcount", in.quorumHeadcount());
            j.writeEndObject();
            if (in.threshold() != null) {
                j.writeObjectFieldStart("threshold");
                j.writeStringField("rule", in.threshold().name());
                if (in.threshold() == Threshold.CONSENT) {
                    j.writeStringField("objection", Micro.format(in.objectionPpm()));
                }
                j.writeEndObject();
            }
            if (in.protection() != null) {
                Protection p = in.protection();
                j.writeObjectFieldStart("protection");
                j.writeStringField("rule", p.rule().name());
                if (p.rule() == Protection.Rule.NO_OBJECTION) {
                    j.writeStringField("objection", Micro.format(p.objectionPpm()));
                }
                if (p.floorLevel() > 0) {
                    j.writeNumberField("floor", p.floorLevel());
                }
                j.writeEndObject();
            }
            j.writeObjectFieldStart("breakdown");
            j.writeBooleanField("secret", in.secret());
            j.writeNumberField("minCellVoters", in.minCellVoters());
            j.writeEndObject();
            j.writeArrayFieldStart("groups");
            for (int g = 0; g < in.groupCount(); g++) {
                j.writeRaw("\n  ");
                j.writeStartObject();
                j.writeStringField("id", in.groupId(g));
                j.writeStringField("name", in.groupName(g));
                j.writeNumberField("suggestedLevel", in.groupLevel(g));
                j.writeEndObject();
            }
            j.writeRaw("\n");
            j.writeEndArray();
            j.writeArrayFieldStart("ballots");
            for (int row = 0; row < in.size(); row++) {
                j.writeRaw("\n  ");
                ballot(j, in, row);
            }
            j.writeRaw("\n");
            j.writeEndArray();
            j.writeEndObject();
            j.writeRaw("\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The members that open both a tally document and a result: version, proposal, ledger head, method, options. */
    static void header(JsonGenerator j, String proposal, String ledgerHead, Method method, List<String> options)
            throws IOException {
        j.writeNumberField("version", TallyInput.VERSION);
        if (proposal != null) {
            j.writeStringField("proposal", proposal);
        }
        if (ledgerHead != null) {
            j.writeStringField("ledgerHead", ledgerHead);
        }
        j.writeStringField("method", method.name());
        j.writeArrayFieldStart("options");
        for (String o : options) {
            j.writeString(o);
        }
        j.writeEndArray();
    }

    private static void ballot(JsonGenerator j, TallyInput in, int row) throws IOException {
        j.writeStartObject();
        if (in.voter(row) != null) {
            j.writeStringField("voter", in.voter(row));
        }
        if (!in.levelHidden(row)) {
            j.writeNumberField("stake", in.stake(row));
        }
        j.writeStringField("group", in.groupOf(row));
        j.writeStringField("weight", Micro.format(in.weight(row)));
        if (in.lowerTo(row) >= 0) {
            j.writeNumberField("lowerTo", in.lowerTo(row));
        }
        if (in.delegateOf(row) != null) {
            j.writeStringField("delegate", in.delegateOf(row));
        }
        if (in.followed(row)) {
            j.writeStringField("via", "followed");
        } else if (in.lost(row)) {
            j.writeStringField("via", "lost");
        }
        if (in.hasBallot(row)) {
            BallotJson.member(
                    j,
                    in.method(),
                    in.options().size(),
                    in.method() == Method.APPROVE_REJECT || in.method() == Method.SINGLE_CHOICE
                            ? new int[] {in.choiceOf(row)}
                            : in.itemsOf(row));
        }
        j.writeEndObject();
    }

    /** Reads the header into plain values, then streams the ballots into the builder's columns. */
    private static final class Reader {
        private final Source source;
        private final List<Violation> early = new ArrayList<>();
        private final Map<String, Object> top = new HashMap<>();
        private TallyInput.Builder builder;
        private boolean secret;
        private long[] numbers = new long[16];
        private String[] keys = new String[16];
        // the current ballot's voter, delegate and group ids, copied from the parser (no string per ballot)
        private final Text voterText = new Text();
        private final Text delegateText = new Text();
        private final Text groupText = new Text();

        Reader(Source source) {
            this.source = source;
        }

        TallyInput read() throws IOException {
            boolean ballotsSeen = false;
            boolean streamed = false;
            try (InputStream in = source.open();
                    JsonParser p = Json.document(in)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new InvalidTallyException(
                            List.of(new Violation(Reason.FIELD_INVALID, "$", "a tally document is a JSON object")));
                }
                Set<String> seenTop = new HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = Json.text(p);
                    p.nextToken();
                    if (!seenTop.add(name)) {
                        throw Json.duplicate(p, name);
                    }
                    if (!TOP.contains(name)) {
                        early.add(new Violation(
                                Reason.FIELD_INVALID, name, "\"" + name + "\" is not part of the format"));
                        p.skipChildren();
                    } else if (name.equals("ballots")) {
                        ballotsSeen = true;
                        if (top.keySet().containsAll(HEADER_NEEDED)) {
                            header();
                            streamBallots(p);
                            streamed = true;
                        } else {
                            p.skipChildren();
                        }
                    } else {
                        top.put(name, Json.value(p));
                    }
                }
                Json.end(p);
            }
            if (!streamed) {
                header();
                if (!ballotsSeen) {
                    early.add(new Violation(Reason.FIELD_MISSING, "ballots", "ballots is required"));
                } else if (builder != null) {
                    secondPass();
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

        /** The ballots came before the header: read the document again and stream them now. */
        private void secondPass() throws IOException {
            try (InputStream in = source.open();
                    JsonParser p = Json.document(in)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.getCurrentName();
                    p.nextToken();
                    if (name.equals("ballots")) {
                        streamBallots(p);
                        return;
                    }
                    p.skipChildren();
                }
            }
        }

        /** Builds the builder from the top-level members; on a fatal fault leaves it null. */
        private void header() {
            Object version = top.get("version");
            if (version == null) {
                early.add(new Violation(Reason.FIELD_MISSING, "version", "the document needs a version"));
                return;
            }
            if (!BigInteger.valueOf(TallyInput.VERSION).equals(version)) {
                early.add(new Violation(
                        Reason.VERSION_UNSUPPORTED,
                        "version",
                        "this engine reads version " + TallyInput.VERSION + ", not " + version));
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
                    builder.consent(
                            fraction(threshold.get("objection"), "threshold.objection", Reason.THRESHOLD_INVALID, -1));
                } else if (rule != null) {
                    if (threshold.containsKey("objection")) {
                        early.add(new Violation(
                                Reason.THRESHOLD_INVALID,
                                "threshold.objection",
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
                Object flag = breakdown.get("secret");
                if (flag != null && !(flag instanceof Boolean)) {
                    early.add(new Violation(Reason.FIELD_INVALID, "breakdown.secret", "secret is true or false"));
                }
                long k = whole(
                        breakdown.get("minCellVoters"),
                        "breakdown.minCellVoters",
                        Reason.CELL_SIZE_INVALID,
                        TallyInput.DEFAULT_MIN_CELL_VOTERS);
                if (Boolean.TRUE.equals(flag)) {
                    secret = true;
                    builder.secret((int) Math.min(Integer.MAX_VALUE, k));
                }
            }
            groups(top.get("groups"));
            builder.provenance(
                    optionalString(top.get("proposal"), "proposal"),
                    optionalString(top.get("ledgerHead"), "ledgerHead"));
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
                    ? fraction(p.get("objection"), "protection.objection", Reason.PROTECTION_INVALID, -1)
                    : 0;
            long floor = whole(p.get("floor"), "protection.floor", Reason.PROTECTION_INVALID, 0);
            if (rule == null) {
                return;
            }
            if (floor < 0
                    || floor > Weighting.MAX_STAKE
                    || (rule == Protection.Rule.NO_OBJECTION && (objection < 1 || objection > 1_000_000))
                    || (rule == Protection.Rule.MAJORITY && p.containsKey("objection"))) {
                early.add(new Violation(
                        Reason.PROTECTION_INVALID,
                        "protection",
                        "a rule, an objection fraction in "
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

        private void streamBallots(JsonParser p) throws IOException {
            if (builder == null) {
                p.skipChildren();
                return;
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                early.add(new Violation(Reason.FIELD_INVALID, "ballots", "ballots is an array"));
                p.skipChildren();
                return;
            }
            int row = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                ballot(p, row++);
            }
        }

        /** One ballot entry; the parser stands on its first token. */
        private void ballot(JsonParser p, int row) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                early.add(new Violation(Reason.FIELD_INVALID, "ballots[" + row + "]", "a ballot is an object"));
                p.skipChildren();
                builder.voter("", 0, null);
                return;
            }
            voterText.clear();
            delegateText.clear();
            groupText.clear();
            String via = null;
            long stake = -1;
            long lowerTo = -1;
            long weight = -2;
            String field = null;
            JsonToken choiceToken = null;
            String choiceText = null;
            long choiceNumber = 0;
            int entries = -1;
            int seen = 0;
            String name;
            while ((name = p.nextFieldName()) != null) {
                p.nextToken();
                switch (name) {
                    // each known member is a bit of the set seen in this entry: a duplicate key is refused
                    case "voter" -> {
                        seen = once(p, name, seen, 1);
                        text(p, row, name, voterText);
                    }
                    case "group" -> {
                        seen = once(p, name, seen, 1 << 1);
                        text(p, row, name, groupText);
                    }
                    case "delegate" -> {
                        seen = once(p, name, seen, 1 << 2);
                        text(p, row, name, delegateText);
                    }
                    case "via" -> {
                        seen = once(p, name, seen, 1 << 3);
                        via = string(p, row, name);
                    }
                    case "stake" -> {
                        seen = once(p, name, seen, 1 << 4);
                        stake = wholeToken(p, row, name, Reason.STAKE_INVALID);
                    }
                    case "lowerTo" -> {
                        seen = once(p, name, seen, 1 << 5);
                        lowerTo = wholeToken(p, row, name, Reason.LEVEL_INVALID);
                    }
                    case "weight" -> {
                        seen = once(p, name, seen, 1 << 6);
                        String w = string(p, row, name);
                        weight = w == null ? -2 : Micro.parse(w, Micro.MAX_WEIGHT);
                        if (w != null && weight < 0) {
                            early.add(new Violation(
                                    Reason.WEIGHT_INVALID,
                                    at(row, name),
                                    "a weight is a decimal "
                                            + "string such as \"2.5\", 0..1000000 with at most six decimals"));
                        }
                    }
                    case "choice" -> {
                        seen = once(p, name, seen, 1 << 7);
                        field = name;
                        choiceToken = p.currentToken();
                        if (choiceToken == JsonToken.VALUE_STRING) {
                            choiceText = Json.text(p);
                        } else if (choiceToken == JsonToken.VALUE_NUMBER_INT) {
                            choiceNumber = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                                    ? Long.MAX_VALUE
                                    : p.getLongValue();
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "approvals", "scores", "ranking" -> {
                        seen = once(
                                p,
                                name,
                                seen,
                                name.equals("approvals") ? 1 << 8 : name.equals("scores") ? 1 << 9 : 1 << 10);
                        field = name;
                        entries = indices(p, row, name);
                    }
                    case "allocation" -> {
                        seen = once(p, name, seen, 1 << 11);
                        field = name;
                        entries = allocation(p, row);
                    }
                    default -> {
                        early.add(new Violation(
                                Reason.FIELD_INVALID, at(row, name), "\"" + name + "\" is not part of a ballot"));
                        p.skipChildren();
                    }
                }
            }
            boolean anonymous = !voterText.given() && secret;
            if (!voterText.given() && !secret) {
                early.add(new Violation(Reason.FIELD_MISSING, at(row, "voter"), "a ballot needs a voter"));
            }
            boolean hidden = anonymous && stake == -1 && weight >= 0;
            if (stake == -1 && !hidden && !hasViolationAt(at(row, "stake"))) {
                early.add(new Violation(Reason.FIELD_MISSING, at(row, "stake"), "a ballot needs a stake"));
            }
            if (!groupText.given() && !hasViolationAt(at(row, "group"))) {
                early.add(new Violation(Reason.FIELD_MISSING, at(row, "group"), "a ballot needs a group"));
            }
            int level = (int) Math.max(-1, Math.min(99, stake));
            int g = groupText.given() ? builder.groupIndex(groupText.chars, 0, groupText.length) : -2;
            if (anonymous) {
                if (g == -1 && groupText.is(TallyInput.OTHER)) {
                    g = builder.groupCount();
                }
                if (g >= 0) {
                    builder.anonymous(hidden ? 0 : level, g);
                } else {
                    builder.anonymous(hidden ? 0 : level, groupText.string());
                }
            } else if (g >= 0 && voterText.given()) {
                builder.voter(voterText.chars, 0, voterText.length, level, g);
            } else {
                String voter = voterText.string();
                builder.voter(voter == null ? "" : voter, level, groupText.string());
            }
            if (hidden) {
                builder.hideLevel(weight);
            } else if (weight >= 0) {
                builder.weight(weight);
            }
            if (lowerTo != -1) {
                builder.lowerTo((int) Math.max(-1, Math.min(99, lowerTo)));
            }
            if (delegateText.given()) {
                builder.delegatesTo(delegateText.chars, 0, delegateText.length);
            }
            if (field != null) {
                ballotMember(row, field, choiceToken, choiceText, choiceNumber, entries);
            }
            if (via != null) {
                switch (via) {
                    case "followed" -> builder.followed();
                    case "lost" -> builder.lost();
                    default ->
                        early.add(
                                new Violation(Reason.FIELD_INVALID, at(row, "via"), "via is \"followed\" or \"lost\""));
                }
            }
        }

        private void ballotMember(
                int row, String field, JsonToken choiceToken, String choiceText, long choiceNumber, int entries) {
            Method method = builder.method();
            switch (field) {
                case "choice" -> {
                    if (method == Method.APPROVE_REJECT) {
                        List<Violation> found = new ArrayList<>();
                        Stance stance = choiceToken == JsonToken.VALUE_STRING
                                ? BallotRules.stance(choiceText, at(row, field), found)
                                : null;
                        if (stance == null) {
                            early.add(
                                    found.isEmpty()
                                            ? new Violation(
                                                    Reason.STANCE_UNKNOWN,
                                                    at(row, field),
                                                    "the choice is FOR, AGAINST or ABSTAIN")
                                            : found.get(0));
                        } else {
                            builder.vote(stance);
                        }
                    } else if (method == Method.SINGLE_CHOICE) {
                        if (choiceToken != JsonToken.VALUE_NUMBER_INT) {
                            early.add(new Violation(
                                    Reason.FIELD_INVALID, at(row, field), "the choice is an option index"));
                            return;
                        }
                        builder.choice((int) Math.max(-1, Math.min(Integer.MAX_VALUE, choiceNumber)));
                    } else {
                        builder.choice(0); // records BALLOT_KIND_INVALID: this method's ballots have another shape
                    }
                }
                case "approvals" -> {
                    if (entries >= 0) {
                        builder.approves(ints(entries));
                    }
                }
                case "scores" -> {
                    if (entries >= 0) {
                        builder.scores(ints(entries));
                    }
                }
                case "ranking" -> {
                    if (entries >= 0) {
                        builder.ranks(ints(entries));
                    }
                }
                default -> {
                    if (entries >= 0) {
                        builder.allocation(Arrays.copyOf(keys, entries), Arrays.copyOf(numbers, entries));
                    }
                }
            }
        }

        private int[] ints(int entries) {
            int[] out = new int[entries];
            for (int i = 0; i < entries; i++) {
                out[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, numbers[i]));
            }
            return out;
        }

        private static String at(int row, String name) {
            return "ballots[" + row + "]." + name;
        }

        /** Adds a member's bit to those seen in this ballot; a member seen before is a duplicate key. */
        private static int once(JsonParser p, String name, int seen, int bit) {
            if ((seen & bit) != 0) {
                throw Json.duplicate(p, name);
            }
            return seen | bit;
        }

        /** Copies a string member's characters into {@code into} (left not given, with a violation, for another type). */
        private void text(JsonParser p, int row, String name, Text into) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                early.add(new Violation(Reason.FIELD_INVALID, at(row, name), "expected a string"));
                p.skipChildren();
                return;
            }
            into.copy(p);
        }

        private String string(JsonParser p, int row, String name) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                early.add(new Violation(Reason.FIELD_INVALID, at(row, name), "expected a string"));
                p.skipChildren();
                return null;
            }
            return Json.text(p);
        }

        private long wholeToken(JsonParser p, int row, String name, Reason reason) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
                    || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                early.add(new Violation(reason, at(row, name), "expected a whole number"));
                p.skipChildren();
                return -2;
            }
            return p.getLongValue();
        }

        /** Reads an array of whole numbers into {@code numbers}; returns its length, or -1 after a fault. */
        private int indices(JsonParser p, int row, String name) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                early.add(new Violation(Reason.FIELD_INVALID, at(row, name), "expected an array of whole numbers"));
                p.skipChildren();
                return -1;
            }
            int count = 0;
            boolean ok = true;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                long v;
                if (p.currentToken() == JsonToken.VALUE_NUMBER_INT
                        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    v = p.getLongValue();
                } else {
                    early.add(new Violation(
                            Reason.FIELD_INVALID, at(row, name) + "[" + count + "]", "expected a whole number"));
                    p.skipChildren();
                    ok = false;
                    v = -1;
                }
                if (count == numbers.length) {
                    numbers = Arrays.copyOf(numbers, count * 2);
                }
                numbers[count++] = v;
            }
            return ok ? count : -1;
        }

        private int allocation(JsonParser p, int row) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                early.add(new Violation(
                        Reason.FIELD_INVALID, at(row, "allocation"), "expected an object of option index to points"));
                p.skipChildren();
                return -1;
            }
            int count = 0;
            boolean ok = true;
            Set<String> seenKeys = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = Json.text(p);
                p.nextToken();
                if (!seenKeys.add(key)) {
                    throw Json.duplicate(p, key);
                }
                long value;
                if (p.currentToken() == JsonToken.VALUE_NUMBER_INT
                        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    value = p.getLongValue();
                } else {
                    early.add(new Violation(
                            Reason.ALLOCATION_INVALID, at(row, "allocation") + "." + key, "points are whole numbers"));
                    p.skipChildren();
                    ok = false;
                    value = -1;
                }
                if (count == numbers.length) {
                    numbers = Arrays.copyOf(numbers, count * 2);
                }
                if (count == keys.length) {
                    keys = Arrays.copyOf(keys, count * 2);
                }
                keys[count] = key;
                numbers[count++] = value;
            }
            return ok ? count : -1;
        }

        private boolean hasViolationAt(String path) {
            for (int i = early.size() - 1; i >= 0 && i >= early.size() - 8; i--) {
                if (early.get(i).path().equals(path)) {
                    return true;
                }
            }
            return false;
        }

        // ---- small typed accessors over the header's plain values

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
            early.add(new Violation(
                    Reason.FIELD_INVALID,
                    path,
                    "\"" + value + "\" is not one of " + Arrays.toString(type.getEnumConstants())));
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
                if (!(list.get(i) instanceof String s)) {
                    early.add(new Violation(Reason.OPTIONS_INVALID, path + "[" + i + "]", "an option is a string"));
                    return null;
                }
                out.add(s);
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
                    early.add(new Violation(
                            Reason.FIELD_INVALID, path + "." + key, "\"" + key + "\" is not part of " + path));
                }
            }
        }

        private String optionalString(Object value, String path) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof String s)) {
                early.add(new Violation(Reason.FIELD_INVALID, path, path + " is a string"));
                return null;
            }
            return s;
        }

        /** A fraction 0..1 as a decimal string, in parts per million; {@code absent} when missing. */
        private long fraction(Object value, String path, Reason reason, long absent) {
            if (value == null) {
                if (absent < 0) {
                    early.add(new Violation(reason, path, path + " is required"));
                }
                return absent;
            }
            long ppm = value instanceof String s ? Micro.parse(s, Micro.ONE) : -1;
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
            Long v = Json.whole(value);
            if (v != null && v >= 0) {
                return v;
            }
            if (value instanceof BigDecimal) {
                early.add(new Violation(reason, path, path + " is a whole number ≥ 0"));
                return absent < 0 ? -1 : absent;
            }
            early.add(new Violation(reason, path, path + " is a whole number ≥ 0"));
            return absent < 0 ? -1 : absent;
        }
    }

    /** A string value's characters, copied out of the parser's buffer, reused for every ballot. */
    private static final class Text {
        char[] chars = new char[32];
        /** -1: the member was not given. */
        int length = -1;

        void clear() {
            length = -1;
        }

        boolean given() {
            return length >= 0;
        }

        void copy(JsonParser p) throws IOException {
            int count = p.getTextLength();
            if (count > chars.length) {
                chars = new char[Math.max(count, chars.length * 2)];
            }
            char[] from = p.getTextCharacters();
            int offset = p.getTextOffset();
            boolean surrogates = false;
            for (int i = 0; i < count; i++) {
                char c = from[offset + i];
                chars[i] = c;
                surrogates |= Character.isSurrogate(c);
            }
            if (surrogates) {
                Json.checkSurrogates(java.nio.CharBuffer.wrap(chars, 0, count), p); // rare: only where one was seen
            }
            length = count;
        }

        boolean is(String s) {
            if (length != s.length()) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (chars[i] != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        String string() {
            return length < 0 ? null : new String(chars, 0, length);
        }
    }
}
