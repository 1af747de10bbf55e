package org.devolve.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.devolve.identity.Member;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.outbox.Outbox;

/**
 * Decides, in the transaction that writes a page of notices (or of reminders), which of those members get a mail of
 * it and how: immediately (one outbox message per mail, {@link MailSender}), in their digest (a row of
 * {@code mail_digest_item}, {@link MailDigests}) or not at all (their choice, no address, or mail OFF). The mail
 * itself goes out afterwards, outside this transaction.
 */
@ApplicationScoped
class Mailings {

    /** One mail to send: {@code params} as the notice's, {@code key} the text's (e.g. REMINDER.VOTING). */
    record MailJob(UUID memberId, MailKind kind, String key, UUID proposalId, Map<String, String> params) {}

    private final Outbox outbox;
    private final MailSettingsStore settings;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final DevolveConfig config;

    Mailings(
            Outbox outbox,
            MailSettingsStore settings,
            EntityManager em,
            ObjectMapper json,
            Clock clock,
            DevolveConfig config) {
        this.outbox = outbox;
        this.settings = settings;
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    void queue(NoticeWriter.Notice notice, List<UUID> members) {
        if (config.mail().mode() == DevolveConfig.Mail.MailMode.OFF || members.isEmpty()) {
            return;
        }
        Map<UUID, String> addresses = Member.emails(members);
        Map<UUID, MailSettingsStore.Settings> chosen = settings.of(addresses.keySet());
        for (UUID member : addresses.keySet()) {
            MailKind.of(notice, member).ifPresent(kind -> {
                String key = kind == MailKind.DELEGATED
                        ? notice.params().containsKey("circle") ? "DELEGATED.circle" : "DELEGATED.proposal"
                        : kind.name();
                queue(chosen, new MailJob(member, kind, key, notice.proposalId(), notice.params()));
            });
        }
    }

    /** Reminders (mail only): {@code key} REMINDER.DELIBERATION or REMINDER.VOTING. */
    void queueReminders(String key, UUID proposalId, Map<String, String> params, List<UUID> members) {
        if (config.mail().mode() == DevolveConfig.Mail.MailMode.OFF || members.isEmpty()) {
            return;
        }
        Map<UUID, String> addresses = Member.emails(members);
        Map<UUID, MailSettingsStore.Settings> chosen = settings.of(addresses.keySet());
        for (UUID member : addresses.keySet()) {
            queue(chosen, new MailJob(member, MailKind.REMINDER, key, proposalId, params));
        }
    }

    private void queue(Map<UUID, MailSettingsStore.Settings> chosen, MailJob job) {
        MailMode mode = chosen.getOrDefault(job.memberId(), MailSettingsStore.Settings.defaults())
                .mode(job.kind());
        switch (mode) {
            case OFF -> {}
            case IMMEDIATE -> outbox.add(MailSender.TOPIC, job);
            case DIGEST ->
                em.createNativeQuery("""
                        insert into mail_digest_item (member_id, kind, proposal_id, params, created_at)
                        values (:member, :kind, :proposal, cast(:params as jsonb), :now)""")
                        .setParameter("member", job.memberId())
                        .setParameter("kind", job.key())
                        .setParameter("proposal", job.proposalId())
                        .setParameter("params", write(job.params()))
                        .setParameter("now", clock.instant())
                        .executeUpdate();
        }
    }

    private String write(Map<String, String> params) {
        try {
            return json.writeValueAsString(new TreeMap<>(params));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
