package org.devolve.tally.io;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.devolve.tally.InvalidTallyException;
import org.devolve.tally.Method;
import org.devolve.tally.Micro;
import org.devolve.tally.Policy;
import org.devolve.tally.Protection;
import org.devolve.tally.Secrecy;
import org.devolve.tally.Tally;
import org.devolve.tally.TallyInput;
import org.devolve.tally.TallyResult;
import org.devolve.tally.Threshold;
import org.devolve.tally.Weighting;

/**
 * Replays a proposal's ledger, entry by entry, and recounts it: the ledger is the election.
 *
 * <p>Fed every entry in order ({@link #accept}), it checks the hash chain (each hash is the SHA-256 of the hash
 * before it and the entry's canonical JSON; sequence numbers contiguous from 1; each body names its own place),
 * and follows the decision: the rules frozen when deliberation opened, the groups, every stake declared and every
 * challenge's ruling, the electorate frozen when voting opened (its digest is in that entry), every ballot's
 * commitment and the chain of {@code replaces}, the proposal delegations, and the close, which names the SHA-256
 * of the published tally document and of the result. {@link #finish} then checks the published document against
 * all of it — the rules; each declaration's group and level; where ballots are public, each ballot against its
 * commitment with the salt revealed at the close; where they are secret, the classes the document publishes
 * against those the electorate gives — recounts it, and compares the result's SHA-256 with the ledger's.
 *
 * <p>The service's verify runs the same replay over its own tables, so that a consistent rewrite of the tables by
 * someone with database access cannot change a result without verify saying so. The replay holds one small
 * record per declarant and per voter, never the entries themselves.
 */
public final class LedgerReplay {

    /** The first entry's previous hash. */
    public static final String GENESIS = "0".repeat(64);
    /** The ledger format this replay recounts; ledgers opened before it are checked as a chain only. */
    public static final int FORMAT = 2;

    /** What the replay found. {@code recounted}: the result was recounted and matches the ledger's. */
    public record Outcome(
            boolean valid,
            boolean recounted,
            long entries,
            String head,
            Long firstBroken,
            String problem,
            String resultJson) {}

    private record Stake(String id, String group, int level) {}

    private record Cast(String receipt, String commitment) {}

    private final String proposal;
    private String prev = GENESIS;
    private long seq;
    private Long broken;
    private String problem;

    private String phase = "DRAFT";
    private Map<String, Object> rules;
    private final List<Map<String, Object>> groups = new ArrayList<>();
    private final Map<String, Stake> stakes = new HashMap<>();
    private final Map<String, String> stakeMembers = new HashMap<>();
    private final Map<String, Cast> ballots = new HashMap<>();
    private final Map<String, String> delegations = new HashMap<>();
    private String electorateSha;
    private long electorateSize = -1;
    private String resultSha;
    private String documentSha;
    private boolean closed;

    public LedgerReplay(String proposal) {
        this.proposal = proposal;
    }

    /** A declaration as the ledger holds it: its group and the level that counts. */
    public record Declaration(String group, int level) {}

    /** Member → declaration, as the entries fed so far leave them (for the service's check of its tables). */
    public Map<String, Declaration> declarations() {
        Map<String, Declaration> out = new HashMap<>();
        stakes.forEach((member, s) -> out.put(member, new Declaration(s.group(), s.level())));
        return out;
    }

    /** Receipt → commitment of every voter's last ballot entry, as the entries fed so far leave them. */
    public Map<String, String> currentCommitments() {
        Map<String, String> out = new HashMap<>();
        ballots.values().forEach(c -> out.put(c.receipt(), c.commitment()));
        return out;
    }

    /** Whether the ledger opened in the recountable format (it freezes the rules and commits to ballots). */
    public boolean recountable() {
        return rules != null;
    }

    /** Feeds the next entry. After a broken one, the rest is ignored. */
    public void accept(long entrySeq, String prevHash, String hash, String body) {
        if (broken != null) {
            return;
        }
        long expected = seq + 1;
        if (entrySeq != expected) {
            fail(expected, "entry " + expected + " is missing");
            return;
        }
        if (!prev.equals(prevHash)) {
            fail(entrySeq, "its previous hash is not the hash of entry " + (entrySeq - 1));
            return;
        }
        if (!sha256(prev + body).equals(hash)) {
            fail(entrySeq, "its hash does not match its content");
            return;
        }
        Map<String, Object> entry;
        try {
            entry = map(Json.parse(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Json.Malformed e) {
            fail(entrySeq, "its content is not JSON: " + e.getMessage());
            return;
        }
        if (!proposal.equals(entry.get("proposal"))
                || !BigInteger.valueOf(entrySeq).equals(entry.get("seq"))) {
            fail(entrySeq, "its content names another place in the ledger");
            return;
        }
        seq = entrySeq;
        prev = hash;
        try {
            follow(String.valueOf(entry.get("kind")), String.valueOf(entry.get("actor")), map(entry.get("payload")));
        } catch (RuntimeException e) {
            fail(entrySeq, e.getMessage());
        }
    }

    private void fail(long at, String why) {
        broken = at;
        problem = "Entry " + at + ": " + why;
    }

    /** Follows the decision through one entry; throws with the reason when the entry does not fit. */
    private void follow(String kind, String actor, Map<String, Object> payload) {
        if (closed) {
            throw new IllegalStateException("an entry follows the close");
        }
        if (rules == null && !kind.equals("PHASE_CHANGED")) {
            return; // not yet open, or a ledger that predates recountable ledgers: its chain is what is checked
        }
        switch (kind) {
            case "PHASE_CHANGED" -> phase(payload);
            case "GROUP_ADDED" -> {
                requirePhase(kind, "DELIBERATION");
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("id", payload.get("group"));
                g.put("name", payload.get("name"));
                g.put("suggestedLevel", payload.get("suggestedLevel"));
                groups.add(g);
            }
            case "STAKE_DECLARED" -> {
                requirePhase(kind, "DELIBERATION");
                String member = string(payload, "member");
                String id = string(payload, "stake");
                Stake before = stakes.get(member);
                if (before != null && !before.id().equals(id)) {
                    throw new IllegalStateException("a member's declaration changed its id");
                }
                stakes.put(member, new Stake(id, string(payload, "group"), whole(payload, "level")));
                stakeMembers.put(id, member);
            }
            case "CHALLENGE_RESOLVED" -> {
                if ("LOWERED".equals(payload.get("decision"))) {
                    requirePhase(kind, "DELIBERATION");
                    String member = stakeMembers.get(string(payload, "stake"));
                    if (member == null) {
                        throw new IllegalStateException("a ruling lowers a declaration the ledger does not hold");
                    }
                    Stake s = stakes.get(member);
                    stakes.put(member, new Stake(s.id(), s.group(), whole(payload, "level")));
                }
            }
            case "BALLOT_CAST" -> {
                requirePhase(kind, "VOTING");
                String voter = string(payload, "voter");
                Cast before = ballots.get(voter);
                Object replaces = payload.get("replaces");
                if (!Objects.equals(before == null ? null : before.receipt(), replaces)) {
                    throw new IllegalStateException("its ballot replaces " + (replaces == null ? "nothing" : replaces)
                            + ", not the voter's previous ballot " + (before == null ? "(none)" : before.receipt()));
                }
                if (rules != null && !(payload.get("commitment") instanceof String)) {
                    throw new IllegalStateException("a ballot without its commitment");
                }
                ballots.put(voter, new Cast(prev, (String) payload.get("commitment")));
            }
            case "DELEGATION_SET" ->
                delegations.put(string(payload, "delegator"), payload.get("delegate") instanceof String d ? d : "");
            case "DELEGATION_REVOKED" -> delegations.remove(string(payload, "delegator"));
            case "PROPOSAL_CORRECTED" -> {
                if (!"DELIBERATION".equals(phase) && !"VOTING".equals(phase)) {
                    throw new IllegalStateException(kind + " while the proposal is " + phase);
                }
                // A correction rewords the options, never their number or order: the labels it gives are those
                // the close counts under.
                List<String> before = strings(rules.get("options"));
                List<String> after = strings(payload.get("options"));
                if (after.size() != before.size()) {
                    throw new IllegalStateException("a correction changes the number of options");
                }
                rules = new LinkedHashMap<>(rules);
                rules.put("options", new ArrayList<Object>(after));
            }
            default -> {
                // PROPOSAL_CREATED, DEADLINES_CHANGED, STAKE_CHALLENGED, CHALLENGE_ANSWERED: on the record, no count
            }
        }
    }

    private void phase(Map<String, Object> payload) {
        String to = string(payload, "to");
        String from = string(payload, "from");
        if (!from.equals(phase)) {
            throw new IllegalStateException("it moves from " + from + " but the proposal was " + phase);
        }
        switch (to) {
            case "DELIBERATION" -> {
                if (payload.get("rules") instanceof Map<?, ?> r) {
                    rules = map(r);
                    for (Object g : list(payload.get("groups"))) {
                        groups.add(map(g));
                    }
                }
            }
            case "VOTING" -> {
                if (rules != null) {
                    Map<String, Object> electorate = map(payload.get("electorate"));
                    electorateSha = string(electorate, "sha256");
                    electorateSize = whole(electorate, "declarations");
                    String actual = electorateJsonSha();
                    if (!actual.equals(electorateSha) || electorateSize != stakes.size()) {
                        throw new IllegalStateException(
                                "the electorate it freezes is not the declarations the " + "ledger holds");
                    }
                }
            }
            case "CLOSED" -> {
                closed = true;
                if (rules != null) {
                    resultSha = string(payload, "resultSha256");
                    documentSha = string(payload, "documentSha256");
                }
            }
            default -> {}
        }
        phase = to;
    }

    /**
     * The digest of an electorate, as the VOTING entry holds it: the SHA-256 of the canonical JSON array
     * {@code [[member, group, level], ...]} in member order (the text order of their ids). Fed one declaration at a
     * time, in that order, so that a million declarations need no list.
     */
    public static final class Electorate {
        private final MessageDigest sha;
        private long count;
        private String last;

        public Electorate() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            sha.update((byte) '[');
        }

        /** The next declaration; members must come in increasing text order. */
        public Electorate add(String member, String group, int level) {
            if (last != null && last.compareTo(member) >= 0) {
                throw new IllegalArgumentException("members out of order");
            }
            last = member;
            if (count++ > 0) {
                sha.update((byte) ',');
            }
            sha.update(CanonicalJson.write(List.of(member, group, (long) level)).getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public long count() {
            return count;
        }

        public String sha256() {
            sha.update((byte) ']');
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    private String electorateJsonSha() {
        Electorate digest = new Electorate();
        new TreeMap<>(stakes).forEach((member, s) -> digest.add(member, s.group(), s.level()));
        return digest.sha256();
    }

    /**
     * Ends the replay. For a closed proposal whose ledger is recountable, {@code document} (the published tally
     * document's bytes) and {@code openings} (receipt → salt of each counted ballot, where ballots are public) are
     * checked against the ledger and recounted.
     */
    public Outcome finish(byte[] document, Map<String, String> openings) {
        if (broken != null) {
            return new Outcome(false, false, broken - 1, prev, broken, problem, null);
        }
        if (!closed || rules == null) {
            return new Outcome(
                    true,
                    false,
                    seq,
                    prev,
                    null,
                    closed ? "the ledger predates recountable ledgers: its chain is checked, not its count" : null,
                    null);
        }
        try {
            if (document == null) {
                throw new IllegalStateException("the published tally document is missing");
            }
            if (!sha256(document).equals(documentSha)) {
                throw new IllegalStateException("the tally document is not the one the close published");
            }
            TallyInput in = TallyDocument.read(() -> new ByteArrayInputStream(document));
            checkRules(in);
            if (in.secret()) {
                checkSecret(in);
            } else {
                checkPublic(in, openings == null ? Map.of() : openings);
            }
            TallyResult result = Tally.count(in);
            String json = ResultJson.write(result);
            if (!sha256(json).equals(resultSha)) {
                throw new IllegalStateException("the recount differs from the result the close published");
            }
            return new Outcome(true, true, seq, prev, null, null, json);
        } catch (InvalidTallyException e) {
            return new Outcome(
                    false, false, seq, prev, seq, "the published tally document is invalid: " + e.getMessage(), null);
        } catch (RuntimeException e) {
            return new Outcome(false, false, seq, prev, seq, "Close: " + e.getMessage(), null);
        }
    }

    private void checkRules(TallyInput in) {
        Map<String, Object> w = map(rules.get("weighting"));
        boolean same = Objects.equals(rules.get("method"), in.method().name())
                && Objects.equals(
                        strings(rules.get("options")), in.method() == Method.APPROVE_REJECT ? List.of() : in.options())
                && Objects.equals(w.get("policy"), in.weighting().policy().name())
                && (in.weighting().policy() != Policy.CAPPED
                        || BigInteger.valueOf(in.weighting().cap()).equals(w.get("cap")))
                && Objects.equals(map(rules.get("quorum")).get("turnout"), Micro.format(in.quorumPpm()))
                && BigInteger.valueOf(in.quorumHeadcount())
                        .equals(map(rules.get("quorum")).get("headcount"))
                && Objects.equals(rules.get("secret"), in.secret())
                && (!in.secret() || BigInteger.valueOf(in.minCellVoters()).equals(rules.get("minCellVoters")))
                && thresholdMatches(in)
                && protectionMatches(in);
        if (!same) {
            throw new IllegalStateException("the tally document's rules are not those deliberation opened with");
        }
        if (groups.size() != in.groupCount()) {
            throw new IllegalStateException("the tally document lists other groups than the ledger");
        }
        for (int g = 0; g < groups.size(); g++) {
            Map<String, Object> group = groups.get(g);
            if (!in.groupId(g).equals(group.get("id"))
                    || !in.groupName(g).equals(group.get("name"))
                    || !BigInteger.valueOf(in.groupLevel(g)).equals(group.get("suggestedLevel"))) {
                throw new IllegalStateException("group " + g + " of the tally document is not the ledger's");
            }
        }
    }

    private boolean thresholdMatches(TallyInput in) {
        Object t = rules.get("threshold");
        if (t == null) {
            return in.threshold() == null;
        }
        Map<String, Object> threshold = map(t);
        return in.threshold() != null
                && in.threshold().name().equals(threshold.get("rule"))
                && (in.threshold() != Threshold.CONSENT
                        || Micro.format(in.objectionPpm()).equals(threshold.get("objection")));
    }

    private boolean protectionMatches(TallyInput in) {
        Object p = rules.get("protection");
        if (p == null) {
            return in.protection() == null;
        }
        Map<String, Object> protection = map(p);
        Protection actual = in.protection();
        return actual != null
                && actual.rule().name().equals(protection.get("rule"))
                && (actual.rule() != Protection.Rule.NO_OBJECTION
                        || Micro.format(actual.objectionPpm()).equals(protection.get("objection")));
    }

    /** Public ballots: every declaration as the ledger holds it, every ballot the one its voter committed to. */
    private void checkPublic(TallyInput in, Map<String, String> openings) {
        if (in.size() != stakes.size()) {
            throw new IllegalStateException(
                    "the tally document holds " + in.size() + " declarations, the ledger " + stakes.size());
        }
        int counted = 0;
        for (int row = 0; row < in.size(); row++) {
            String voter = in.voter(row);
            Stake s = stakes.get(voter);
            if (s == null || !s.group().equals(in.groupOf(row)) || s.level() != in.stake(row)) {
                throw new IllegalStateException("the declaration of " + voter + " is not the one the ledger holds");
            }
            Cast cast = ballots.get(voter);
            if (in.hasBallot(row) != (cast != null)) {
                throw new IllegalStateException(voter
                        + (cast == null
                                ? " has a ballot the ledger does not hold"
                                : " has no ballot in the tally document but one in the ledger"));
            }
            if (cast != null) {
                counted++;
                String salt = openings.get(cast.receipt());
                int[] values = in.method() == Method.APPROVE_REJECT || in.method() == Method.SINGLE_CHOICE
                        ? new int[] {in.choiceOf(row)}
                        : in.itemsOf(row);
                if (salt == null
                        || !commitment(salt, BallotJson.canonical(in.method(), values))
                                .equals(cast.commitment())) {
                    throw new IllegalStateException(
                            "the ballot of " + voter + " is not the one committed to in " + "entry " + cast.receipt());
                }
            }
            String delegate = delegations.get(voter);
            if (delegate != null && in.delegateOf(row) != null && !delegate.equals(in.delegateOf(row))) {
                throw new IllegalStateException(voter + " delegates to " + in.delegateOf(row) + " in the tally "
                        + "document, to " + delegate + " in the ledger");
            }
            if (delegate != null && in.delegateOf(row) == null && stakes.containsKey(delegate)) {
                throw new IllegalStateException("the delegation of " + voter + " is missing from the tally document");
            }
        }
        if (counted != ballots.size()) {
            throw new IllegalStateException("the ledger holds ballots of people who declared nothing");
        }
    }

    /** Secret ballots: the classes the document publishes are those the frozen electorate gives. */
    private void checkSecret(TallyInput in) {
        List<String> ids = new ArrayList<>();
        int[] levels = new int[in.groupCount()];
        Map<String, Integer> index = new HashMap<>();
        for (int g = 0; g < in.groupCount(); g++) {
            ids.add(in.groupId(g));
            levels[g] = in.groupLevel(g);
            index.put(in.groupId(g), g);
        }
        long[][] counts = new long[in.groupCount()][Weighting.MAX_STAKE + 1];
        for (Stake s : stakes.values()) {
            Integer g = index.get(s.group());
            if (g == null) {
                throw new IllegalStateException("a declaration names a group the document does not list");
            }
            counts[g][s.level()]++;
        }
        List<TallyResult.SmallClass> expected =
                Secrecy.classes(in.weighting(), in.protection() != null, in.minCellVoters(), ids, levels, counts);
        List<TallyResult.SmallClass> published = Secrecy.classes(in);
        if (!sameClasses(expected, published)) {
            throw new IllegalStateException(
                    "the declarations the tally document publishes are not the electorate " + "the ledger froze");
        }
        int own = 0;
        for (TallyResult.SmallClass c : published) {
            own += c.ballots();
        }
        if (own != ballots.size()) {
            throw new IllegalStateException(
                    "the tally document holds " + own + " ballots, the ledger " + ballots.size());
        }
    }

    private static boolean sameClasses(List<TallyResult.SmallClass> a, List<TallyResult.SmallClass> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            TallyResult.SmallClass x = a.get(i);
            TallyResult.SmallClass y = b.get(i);
            if (!x.group().equals(y.group())
                    || !Objects.equals(x.level(), y.level())
                    || x.weight() != y.weight()
                    || !Objects.equals(x.lowerTo(), y.lowerTo())
                    || x.declarations() != y.declarations()) {
                return false;
            }
        }
        return true;
    }

    private void requirePhase(String kind, String required) {
        if (!phase.equals(required)) {
            throw new IllegalStateException(kind + " while the proposal is " + phase);
        }
    }

    /** A ballot's commitment: SHA-256 of its salt (64 hex digits) followed by the ballot's canonical JSON. */
    public static String commitment(String salt, String canonicalBallot) {
        return sha256(salt + canonicalBallot);
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalStateException("a member that should be an object is not");
    }

    private static List<?> list(Object value) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new IllegalStateException("a member that should be an array is not");
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        for (Object o : list(value)) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    private static String string(Map<String, Object> payload, String name) {
        if (payload.get(name) instanceof String s) {
            return s;
        }
        throw new IllegalStateException("it lacks its " + name);
    }

    private static int whole(Map<String, Object> payload, String name) {
        Long v = Json.whole(payload.get(name));
        if (v == null || v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalStateException("its " + name + " is not a whole number");
        }
        return v.intValue();
    }
}
