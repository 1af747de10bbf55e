package org.devolve.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.devolve.tally.io.CanonicalJson;
import org.devolve.tally.io.LedgerReplay;

/**
 * The append-only, hash-chained record of everything that can change a proposal's outcome.
 *
 * <p>{@code hash = SHA-256(UTF-8(previous hash, 64 hex digits) ‖ UTF-8(canonical JSON of the entry))};
 * the first entry's previous hash is 64 zeros. The head (last hash and sequence number) is the ledger's own row
 * ({@code ledger_head}), and an append takes that row's lock: appends to one proposal are serialised, so concurrent
 * writers can never fork the chain, while appends to different proposals run in parallel. Every writer of a
 * proposal holds the proposal's row lock before it appends (the lock order is proposal, then ledger head; see
 * V8__one_house.sql), so the head's lock is never waited for in practice: it is what keeps the chain whole even
 * for a writer that forgot.
 */
@ApplicationScoped
public class Ledger {

    public static final String GENESIS = LedgerReplay.GENESIS;

    /** A new entry's place in the chain: its sequence number and hash (a ballot's receipt). */
    public record Appended(long seq, String hash, String prevHash, Instant at) {}

    /** The result of recomputing a chain. {@code firstBroken} is the first entry that does not check out. */
    public record Verification(boolean valid, long entries, String head, Long firstBroken, String problem) {}

    private final EntityManager em;
    private final Clock clock;

    Ledger(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The last entry's sequence number and hash: {@code (0, GENESIS)} before the first entry. */
    public record Head(long seq, String hash) {}

    /** One statement: the entry is inserted and the head moved to it. */
    private static final String APPEND = """
            with entry as (
                insert into ledger_entry (proposal_id, seq, kind, body, prev_hash, hash, recorded_at)
                values (:id, :seq, :kind, :body, :prev, :hash, :at)
            )
            update ledger_head set seq = :seq, hash = :hash where proposal_id = :id and seq = :seq - 1
            """;

    /** Starts the (empty) ledger of a new proposal, in the transaction that creates it. */
    public void open(UUID proposalId) {
        em.createNativeQuery("insert into ledger_head (proposal_id, seq, hash) values (:id, 0, :genesis)")
                .setParameter("id", proposalId)
                .setParameter("genesis", GENESIS)
                .executeUpdate();
    }

    /** The head as committed (or as this transaction moved it). */
    public Head head(UUID proposalId) {
        Object[] head = (Object[]) em.createNativeQuery("select seq, hash from ledger_head where proposal_id = :id")
                .setParameter("id", proposalId)
                .getSingleResult();
        return new Head(((Number) head[0]).longValue(), (String) head[1]);
    }

    /**
     * Appends an entry, in the caller's transaction, after taking the head's row lock. {@code actor} is a member
     * id, a ballot pseudonym, or {@code scheduler}; {@code payload} holds strings, whole numbers, booleans, lists
     * and maps.
     */
    public Appended append(UUID proposalId, LedgerKind kind, String actor, Map<String, ?> payload) {
        Object[] head =
                (Object[]) em.createNativeQuery("select seq, hash from ledger_head where proposal_id = :id for update")
                        .setParameter("id", proposalId)
                        .getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;
        String prev = (String) head[1];
        Instant at = clock.instant();
        String body = CanonicalJson.write(entry(proposalId, seq, kind, actor, at, payload));
        String hash = hash(prev, body);
        int moved = em.createNativeQuery(APPEND)
                .setParameter("id", proposalId)
                .setParameter("seq", seq)
                .setParameter("kind", kind.name())
                .setParameter("body", body)
                .setParameter("prev", prev)
                .setParameter("hash", hash)
                .setParameter("at", at)
                .executeUpdate();
        if (moved != 1) {
            throw new IllegalStateException("The ledger head of proposal " + proposalId + " moved under a lock");
        }
        return new Appended(seq, hash, prev, at);
    }

    /**
     * One statement for several entries: they are inserted from arrays (unnest) and the head moved past the last.
     * Group commit's write: the entries of a batch of ballots in one round trip instead of two per entry.
     */
    private static final String APPEND_ALL = """
            with entry as (
                insert into ledger_entry (proposal_id, seq, kind, body, prev_hash, hash, recorded_at)
                select ?, e.seq, ?, e.body, e.prev, e.hash, e.at
                  from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                              cast(? as timestamptz[])) as e(seq, body, prev, hash, at)
            )
            update ledger_head set seq = ?, hash = ? where proposal_id = ? and seq = ?
            """;

    /**
     * Starts a batch of appends to the proposal's ledger, in the caller's transaction: takes the head's row lock, as
     * {@link #append} does. Each {@link Batch#add} chains an entry in memory and returns its place and hash at once
     * (so that a later entry can name an earlier one); {@link Batch#write} writes them all in one statement.
     */
    public Batch batch(UUID proposalId, LedgerKind kind) {
        Object[] head =
                (Object[]) em.createNativeQuery("select seq, hash from ledger_head where proposal_id = :id for update")
                        .setParameter("id", proposalId)
                        .getSingleResult();
        return new Batch(proposalId, kind, ((Number) head[0]).longValue(), (String) head[1]);
    }

    /** Entries chained in memory under the head's lock, written together; see {@link #batch}. */
    public final class Batch {
        private final UUID proposalId;
        private final LedgerKind kind;
        private final long base;
        private final List<Appended> appended = new ArrayList<>();
        private final List<String> bodies = new ArrayList<>();
        private String last;

        private Batch(UUID proposalId, LedgerKind kind, long seq, String hash) {
            this.proposalId = proposalId;
            this.kind = kind;
            this.base = seq;
            this.last = hash;
        }

        /** Chains the next entry (its time read from the clock now, so times never go back along the chain). */
        public Appended add(String actor, Map<String, ?> payload) {
            long seq = base + appended.size() + 1;
            Instant at = clock.instant();
            String body = CanonicalJson.write(entry(proposalId, seq, kind, actor, at, payload));
            String hash = hash(last, body);
            Appended entry = new Appended(seq, hash, last, at);
            appended.add(entry);
            bodies.add(body);
            last = hash;
            return entry;
        }

        /** Inserts the chained entries and moves the head to the last, in one statement; nothing when empty. */
        public void write() {
            int n = appended.size();
            if (n == 0) {
                return;
            }
            String[] seqs = new String[n];
            String[] prevs = new String[n];
            String[] hashes = new String[n];
            String[] ats = new String[n];
            for (int i = 0; i < n; i++) {
                Appended a = appended.get(i);
                seqs[i] = Long.toString(a.seq());
                prevs[i] = a.prevHash();
                hashes[i] = a.hash();
                ats[i] = a.at().toString();
            }
            String[] texts = bodies.toArray(String[]::new);
            int moved = em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
                try (java.sql.PreparedStatement s = c.prepareStatement(APPEND_ALL)) {
                    s.setObject(1, proposalId);
                    s.setString(2, kind.name());
                    s.setArray(3, c.createArrayOf("text", seqs));
                    s.setArray(4, c.createArrayOf("text", texts));
                    s.setArray(5, c.createArrayOf("text", prevs));
                    s.setArray(6, c.createArrayOf("text", hashes));
                    s.setArray(7, c.createArrayOf("text", ats));
                    s.setLong(8, base + n);
                    s.setString(9, last);
                    s.setObject(10, proposalId);
                    s.setLong(11, base);
                    return s.executeUpdate();
                }
            });
            if (moved != 1) {
                throw new IllegalStateException("The ledger head of proposal " + proposalId + " moved under a lock");
            }
        }
    }

    private static Map<String, Object> entry(
            UUID proposal, long seq, LedgerKind kind, String actor, Instant at, Map<String, ?> payload) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("proposal", proposal.toString());
        entry.put("seq", seq);
        entry.put("kind", kind.name());
        entry.put("actor", actor);
        entry.put("at", at.toString());
        entry.put("payload", payload);
        return entry;
    }

    /**
     * Recomputes the chain from the first entry: every entry's previous hash must be the hash before it, its
     * hash must be the SHA-256 of that and its body, its sequence numbers contiguous from 1, and the last
     * hash must be the head. A changed, inserted or deleted row breaks one of these.
     */
    public Verification verify(UUID proposalId) {
        Head head = head(proposalId);
        long headSeq = head.seq();
        String headHash = head.hash();
        String prev = GENESIS;
        long expected = 1;
        long count = 0;
        int batch = 5_000;
        while (true) {
            List<LedgerEntry> entries = em.createQuery(
                            "select e from LedgerEntry e where e.proposalId = :p "
                                    + "and e.seq >= :from order by e.seq",
                            LedgerEntry.class)
                    .setParameter("p", proposalId)
                    .setParameter("from", expected)
                    .setMaxResults(batch)
                    .getResultList();
            for (LedgerEntry e : entries) {
                if (e.seq != expected) {
                    return broken(count, headHash, expected, "entry " + expected + " is missing");
                }
                if (!prev.equals(e.prevHash)) {
                    return broken(count, headHash, e.seq, "its previous hash is not the hash of entry " + (e.seq - 1));
                }
                if (!hash(prev, e.body).equals(e.hash)) {
                    return broken(count, headHash, e.seq, "its hash does not match its content");
                }
                if (!e.body.endsWith(",\"proposal\":\"" + proposalId + "\",\"seq\":" + e.seq + "}")) {
                    return broken(count, headHash, e.seq, "its content names another place in the ledger");
                }
                prev = e.hash;
                expected++;
                count++;
            }
            em.clear();
            if (entries.size() < batch) {
                break;
            }
        }
        if (count != headSeq || !prev.equals(headHash)) {
            return broken(
                    count,
                    headHash,
                    count + 1,
                    "the chain ends at entry " + count + " but the ledger's head is entry " + headSeq);
        }
        return new Verification(true, count, headHash, null, null);
    }

    private static Verification broken(long count, String head, long seq, String problem) {
        return new Verification(false, count, head, seq, "Entry " + seq + ": " + problem);
    }

    /**
     * Every entry of the proposal, in order, read in batches (a million entries are never held at once), with the
     * head; for the replay that verify runs and for the ledger export.
     */
    public Head forEach(UUID proposalId, Consumer<Entry> each) {
        Head head = head(proposalId);
        long after = 0;
        int batch = 5_000;
        while (true) {
            List<LedgerEntry> entries = em.createQuery(
                            "select e from LedgerEntry e where e.proposalId = :p "
                                    + "and e.seq > :after order by e.seq",
                            LedgerEntry.class)
                    .setParameter("p", proposalId)
                    .setParameter("after", after)
                    .setMaxResults(batch)
                    .getResultList();
            for (LedgerEntry e : entries) {
                each.accept(view(e));
                after = e.seq;
                em.detach(e);
            }
            if (entries.size() < batch) {
                break;
            }
        }
        return head;
    }

    /** The entry with this hash in the proposal's chain, if any: a ballot's receipt lookup. */
    public Optional<Entry> entry(UUID proposalId, String hash) {
        return em.createQuery("select e from LedgerEntry e where e.proposalId = :p and e.hash = :h", LedgerEntry.class)
                .setParameter("p", proposalId)
                .setParameter("h", hash)
                .getResultStream()
                .findFirst()
                .map(Ledger::view);
    }

    /** Entries in order, from {@code afterSeq + 1}. */
    public List<Entry> entries(UUID proposalId, long afterSeq, int limit) {
        return em.createQuery(
                        "select e from LedgerEntry e where e.proposalId = :p and e.seq > :after order by e.seq",
                        LedgerEntry.class)
                .setParameter("p", proposalId)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultStream()
                .map(Ledger::view)
                .toList();
    }

    /** A ledger entry as clients see it: its place, its hashes, and its canonical JSON. */
    public record Entry(long seq, String kind, String prevHash, String hash, Instant recordedAt, String body) {}

    private static Entry view(LedgerEntry e) {
        return new Entry(e.seq, e.kind, e.prevHash, e.hash, e.recordedAt, e.body);
    }

    /** Whether the entry's hash is the SHA-256 of its previous hash and its body. */
    public static boolean intact(Entry e) {
        return hash(e.prevHash(), e.body()).equals(e.hash());
    }

    /** SHA-256 of the UTF-8 text, as 64 lower-case hex digits. */
    public static String sha256(String text) {
        return hash("", text);
    }

    static String hash(String prev, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev.getBytes(StandardCharsets.UTF_8));
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
