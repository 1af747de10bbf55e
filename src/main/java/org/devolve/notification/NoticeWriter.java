package org.devolve.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devolve.circle.CircleAccess;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.outbox.OutboxHandler;

/**
 * Writes the notification rows of one {@link Notice}, outside the transaction of the change it announces.
 * Members are taken a page at a time ({@code devolve.outbox.batch-size}) in id order, each page in a
 * transaction that also records the last id written: a crash resumes after it, and nobody is told twice.
 * Recipients are the circles' members when the page is written (someone who joined a moment after the
 * change may hear of it; someone who left may not).
 */
@ApplicationScoped
class NoticeWriter implements OutboxHandler {

    static final String TOPIC = "notification";

    enum Audience {
        MEMBERS,
        FACILITATORS,
        PEOPLE
    }

    /**
     * What to tell whom: the members of {@code circles}, the facilitators of {@code circleId} but not {@code people}
     * (who made the change), or just {@code people}. {@code params}: the kind's parameters ({@link NoticeKind}).
     */
    record Notice(
            String kind,
            UUID proposalId,
            UUID circleId,
            String text,
            Instant at,
            Audience audience,
            List<UUID> circles,
            List<UUID> people,
            Map<String, String> params,
            UUID about) {
        Notice {
            people = people == null ? List.of() : people;
            params = params == null ? Map.of() : params;
        }

        /** {@code about}: whom the notice is about when that is one of its recipients (a ruling: the declarant). */
        Notice(
                String kind,
                UUID proposalId,
                UUID circleId,
                String text,
                Instant at,
                Audience audience,
                List<UUID> circles,
                List<UUID> people,
                Map<String, String> params) {
            this(kind, proposalId, circleId, text, at, audience, circles, people, params, null);
        }
    }

    private final EntityManager em;
    private final CircleAccess circles;
    private final ObjectMapper json;
    private final int batch;
    private final Mailings mailings;

    NoticeWriter(EntityManager em, CircleAccess circles, ObjectMapper json, DevolveConfig config, Mailings mailings) {
        this.em = em;
        this.mailings = mailings;
        this.circles = circles;
        this.json = json;
        this.batch = config.outbox().batchSize();
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Step handle(Message message) {
        Notice notice = read(message.payload());
        if (notice.audience() == Audience.FACILITATORS) {
            List<UUID> facilitators = new ArrayList<>(circles.facilitatorIds(notice.circleId()));
            facilitators.removeAll(notice.people());
            insert(notice, facilitators);
            return Step.finished();
        }
        if (notice.audience() == Audience.PEOPLE) {
            insert(notice, notice.people());
            return Step.finished();
        }
        UUID after = message.progress() == null ? null : UUID.fromString(message.progress());
        List<UUID> page = circles.memberIds(notice.circles(), after, batch);
        insert(notice, page);
        return page.size() < batch
                ? Step.finished()
                : Step.resumeFrom(page.get(page.size() - 1).toString());
    }

    private void insert(Notice notice, List<UUID> members) {
        if (members.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                insert into notification (id, member_id, kind, proposal_id, circle_id, text, params, created_at)
                select gen_random_uuid(), m, :kind, :proposal, :circle, :text, cast(:params as jsonb), :at
                from unnest(cast(:members as uuid[])) as m""")
                .setParameter("kind", notice.kind())
                .setParameter("proposal", notice.proposalId())
                .setParameter("circle", notice.circleId())
                .setParameter("text", notice.text())
                .setParameter("params", params(notice.params()))
                .setParameter("at", notice.at())
                .setParameter(
                        "members", members.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .executeUpdate();
        // the same recipients, the same transaction: whoever hears of it in the app may also get a mail of it
        mailings.queue(notice, members);
    }

    private String params(Map<String, String> params) {
        try {
            return json.writeValueAsString(new TreeMap<>(params));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Notice read(String payload) {
        try {
            return json.readValue(payload, Notice.class);
        } catch (IOException e) {
            throw new UncheckedIOException("An outbox notice that cannot be read", e);
        }
    }
}
