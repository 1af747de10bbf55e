package org.devolve.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.database.DatabaseState;
import org.devolve.platform.outbox.Outbox;
import org.devolve.platform.outbox.OutboxHandler;
import org.devolve.proposal.Proposals;

/**
 * Mail reminders: {@code devolve.mail.reminder-before} before voting ends, the members of the deciding and affected
 * circles who may vote and have not (nor entrusted their vote) get a reminder ({@link YetToAct}); nobody who has
 * acted does. Each replica looks every {@code devolve.mail.every}; one outbox message per proposal and deadline
 * (a deadline moved is a new one). Its handler walks the circles' members a page at a time, as {@link NoticeWriter}
 * does, and asks who has not yet voted when it writes the page.
 */
@ApplicationScoped
class MailReminders implements OutboxHandler {

    static final String TOPIC = "mail-reminder";

    record Reminder(UUID proposalId, UUID circleId, String title, Instant deadline, List<UUID> circles) {}

    private final Proposals proposals;
    private final CircleAccess circles;
    private final YetToAct yetToAct;
    private final Mailings mailings;
    private final Outbox outbox;
    private final Clock clock;
    private final DevolveConfig config;
    private final DatabaseState database;
    private final ObjectMapper json;

    MailReminders(
            Proposals proposals,
            CircleAccess circles,
            YetToAct yetToAct,
            Mailings mailings,
            Outbox outbox,
            Clock clock,
            DevolveConfig config,
            DatabaseState database,
            ObjectMapper json) {
        this.proposals = proposals;
        this.circles = circles;
        this.yetToAct = yetToAct;
        this.mailings = mailings;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.database = database;
        this.json = json;
    }

    @Scheduled(
            every = "${devolve.mail.every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "devolve-mail-reminders")
    @Transactional
    void queueDue() {
        if (!database.ready() || config.mail().mode() == DevolveConfig.Mail.MailMode.OFF) {
            return;
        }
        Instant now = clock.instant();
        for (Proposals.Ending ending :
                proposals.votingEndingBetween(now, now.plus(config.mail().reminderBefore()))) {
            Set<UUID> circleIds = new LinkedHashSet<>(proposals.affectedCircles(ending.id()));
            circleIds.add(ending.circleId());
            outbox.addOnce(
                    TOPIC,
                    new Reminder(
                            ending.id(),
                            ending.circleId(),
                            ending.title(),
                            ending.votingEndsAt(),
                            List.copyOf(circleIds)),
                    TOPIC + ":" + ending.id() + ":" + ending.votingEndsAt());
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Step handle(Message message) {
        Reminder reminder;
        try {
            reminder = json.readValue(message.payload(), Reminder.class);
        } catch (IOException e) {
            throw new UncheckedIOException("An outbox reminder that cannot be read", e);
        }
        int batch = config.outbox().batchSize();
        UUID after = message.progress() == null ? null : UUID.fromString(message.progress());
        List<UUID> page = circles.memberIds(reminder.circles(), after, batch);
        List<UUID> remind = yetToAct.notVoted(reminder.proposalId(), reminder.circleId(), page, clock.instant());
        mailings.queueReminders(
                "REMINDER.VOTING",
                reminder.proposalId(),
                Map.of(
                        "title",
                        reminder.title(),
                        "deadline",
                        reminder.deadline().toString()),
                remind);
        return page.size() < batch
                ? Step.finished()
                : Step.resumeFrom(page.get(page.size() - 1).toString());
    }
}
