package org.devolve.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.identity.Member;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.database.DatabaseState;
import org.devolve.platform.outbox.Outbox;
import org.devolve.platform.outbox.OutboxHandler;

/**
 * The daily digest: from {@code devolve.mail.digest-hour} (UTC) each day, one mail per member with everything
 * waiting for their digest. Each replica looks every {@code devolve.mail.every}; the outbox keeps one message per
 * member and day ({@code mail-digest:<member>:<day>}, {@link Outbox#addOnce}), so a member never gets two digests
 * for one day, whichever replica looked and however often. What arrives after that day's digest waits for the
 * next. The message's handler takes the waiting rows under their lock, sends, and marks them with the day in the
 * same transaction: a failed send leaves them waiting, and the outbox tries again.
 */
@ApplicationScoped
class MailDigests implements OutboxHandler {

    static final String TOPIC = "mail-digest";

    record Digest(UUID memberId, LocalDate day) {}

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final DevolveConfig config;
    private final DatabaseState database;
    private final ObjectMapper json;
    private final MailSettingsStore settings;
    private final Letters letters;
    private final Postman postman;

    MailDigests(
            EntityManager em,
            Outbox outbox,
            Clock clock,
            DevolveConfig config,
            DatabaseState database,
            ObjectMapper json,
            MailSettingsStore settings,
            Letters letters,
            Postman postman) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.database = database;
        this.json = json;
        this.settings = settings;
        this.letters = letters;
        this.postman = postman;
    }

    @Scheduled(
            every = "${devolve.mail.every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "devolve-mail-digests")
    @Transactional
    void queueDue() {
        if (!database.ready() || !postman.on()) {
            return;
        }
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        if (now.getHour() < config.mail().digestHour()) {
            return;
        }
        LocalDate day = now.toLocalDate();
        @SuppressWarnings("unchecked")
        List<UUID> waiting = em.createNativeQuery(
                        "select distinct member_id from mail_digest_item where digest_day is null", UUID.class)
                .getResultList();
        for (UUID member : waiting) {
            outbox.addOnce(TOPIC, new Digest(member, day), TOPIC + ":" + member + ":" + day);
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Step handle(Message message) {
        Digest digest;
        try {
            digest = json.readValue(message.payload(), Digest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("An outbox digest that cannot be read", e);
        }
        List<?> rows = em.createNativeQuery("""
                select id, kind, proposal_id, cast(params as text) from mail_digest_item
                where member_id = :member and digest_day is null order by id for update""")
                .setParameter("member", digest.memberId())
                .getResultList();
        String address = Member.emails(List.of(digest.memberId())).get(digest.memberId());
        if (rows.isEmpty()) {
            return Step.finished();
        }
        if (address != null) {
            String language = MailTexts.language(settings.of(digest.memberId()).language());
            postman.send(letter(address, digest, language, rows));
        }
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(((Number) ((Object[]) r)[0]).longValue()));
        em.createNativeQuery("update mail_digest_item set digest_day = :day where id in (:ids)")
                .setParameter("day", digest.day())
                .setParameter("ids", ids)
                .executeUpdate();
        return Step.finished();
    }

    private Postman.Letter letter(String address, Digest digest, String language, List<?> rows) {
        StringBuilder body = new StringBuilder(MailTexts.say(language, "digest.intro", Map.of()));
        body.append("\n\n");
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            Map<String, String> words = letters.words(language, (UUID) r[2], params((String) r[3]));
            MailTexts.Text text = MailTexts.of(language, (String) r[1], words);
            body.append("* ")
                    .append(text.subject())
                    .append("\n  ")
                    .append(text.body())
                    .append("\n  ");
            body.append(words.get("link")).append("\n\n");
        }
        String unsubscribe = letters.unsubscribeLink(digest.memberId(), Letters.DIGEST);
        body.append("-- \n").append(letters.footer(language, unsubscribe));
        String subject = MailTexts.say(
                language, "digest.subject", Map.of("day", digest.day().toString()));
        return new Postman.Letter(address, subject, body.toString(), unsubscribe);
    }

    private Map<String, String> params(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
