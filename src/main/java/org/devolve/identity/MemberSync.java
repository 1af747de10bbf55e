package org.devolve.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Creates or refreshes the member row of a signed-in person from their token, in one upsert.
 *
 * <p>A small per-replica memory of subjects already written with the same claims spares the database a
 * write on every request. It holds nothing another replica could disagree with: it only remembers that
 * the row already says what the token says.
 */
@ApplicationScoped
class MemberSync {

    private static final int REMEMBERED = 10_000;
    /** Also returns the display name the row had before (null for a new member), read in the same statement. */
    private static final String UPSERT = """
            with before as (select display_name from member where subject = :subject)
            insert into member (id, subject, username, display_name, email, created_at, updated_at)
            values (:id, :subject, :username, :displayName, :email, :now, :now)
            on conflict (subject) do update
               set username = excluded.username, display_name = excluded.display_name,
                   email = excluded.email, updated_at = excluded.updated_at
            returning id, (select display_name from before)
            """;

    private final EntityManager em;
    private final Clock clock;
    private final Map<String, Synced> synced = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Synced> eldest) {
            return size() > REMEMBERED;
        }
    };

    private record Synced(TokenClaims claims, MemberSummary member) {}

    private final jakarta.enterprise.event.Event<MemberRenamed> renamed;

    MemberSync(EntityManager em, Clock clock, jakarta.enterprise.event.Event<MemberRenamed> renamed) {
        this.em = em;
        this.clock = clock;
        this.renamed = renamed;
    }

    /**
     * Runs in a transaction of its own: a person is registered by signing in, whatever becomes of the
     * request they signed in for (a refused request rolls back, their member row stays).
     */
    MemberSummary sync(TokenClaims claims) {
        synchronized (synced) {
            Synced known = synced.get(claims.subject());
            if (known != null && known.claims().equals(claims)) {
                return known.member();
            }
        }
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery(UPSERT)
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("subject", claims.subject())
                    .setParameter("username", claims.username())
                    .setParameter("displayName", claims.displayName())
                    .setParameter("email", claims.email())
                    .setParameter("now", clock.instant())
                    .getSingleResult();
            UUID member = (UUID) row[0];
            if (row[1] != null && !row[1].equals(claims.displayName())) {
                renamed.fire(new MemberRenamed(member, claims.displayName()));
            }
            return member;
        });
        MemberSummary member = new MemberSummary(id, claims.username(), claims.displayName());
        synchronized (synced) {
            synced.put(claims.subject(), new Synced(claims, member));
        }
        return member;
    }
}
