package org.devolve.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CirclePolicy;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.database.DatabaseState;
import org.devolve.platform.outbox.Outbox;
import org.devolve.platform.outbox.OutboxHandler;
import org.devolve.proposal.Proposals;

/**
 * Mail reminders, {@code devolve.mail.reminder-before} before each deadline, to the members of the deciding and
 * affected circles who have not yet done what it asks ({@link YetToAct}): before declarations close (the circle's
 * challenge window before deliberation ends), those who have not declared their stake (at any level: who declared 0
 * has answered); before voting ends, those who may vote and
 * have not (nor entrusted their vote). Nobody who has acted gets one. Each replica looks every
 * {@code devolve.mail.every}; one outbox message per proposal and deadline (a deadline moved is a new one). Its
 * handler walks the circles' members a page at a time, as {@link NoticeWriter} does, and asks who has not yet acted
 * when it writes the page, so that one who acts meanwhile is spared.
 */
@ApplicationScoped
class MailReminders implements OutboxHandler {

    static final String TOPIC = "mail-reminder";

    /** What a deadline asks: to declare one's stake, or to vote. */
    enum Deadline {
        DELIBERATION,
        VOTING
    }

    /**
     * One reminder to write: {@code deadline} the one it names, {@code ends} what closes then (null in messages
     * queued before deliberation had reminders: voting).
     */
    record Reminder(UUID proposalId, UUID circleId, String title, Instant deadline, List<UUID> circles, Deadline ends) {

        Deadline asks() {
            return ends == null ? Deadline.VOTING : ends;
        }
    }

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
        Instant until = now.plus(config.mail().reminderBefore());
        // declarations close the circle's challenge window before deliberation ends (DeclareStake): that is the
        // deadline a member who has not declared must meet, and the one the reminder names
        Duration longest = Duration.ofMinutes(CirclePolicy.LONGEST_CHALLENGE_WINDOW_MINUTES);
        for (Proposals.Ending ending : proposals.deliberationEndingBetween(now, until.plus(longest))) {
            Instant closes =
                    ending.endsAt().minus(circles.policy(ending.circleId()).challengeWindow());
            if (closes.isAfter(now) && !closes.isAfter(until)) {
                queue(ending, closes, Deadline.DELIBERATION);
            }
        }
        for (Proposals.Ending ending : proposals.votingEndingBetween(now, until)) {
            queue(ending, ending.endsAt(), Deadline.VOTING);
        }
    }

    private void queue(Proposals.Ending ending, Instant deadline, Deadline asks) {
        Set<UUID> circleIds = new LinkedHashSet<>(proposals.affectedCircles(ending.id()));
        circleIds.add(ending.circleId());
        // the voting key keeps the form it had before deliberation reminders, so that none is sent twice on upgrade
        String key = asks == Deadline.VOTING
                ? TOPIC + ":" + ending.id() + ":" + deadline
                : TOPIC + ":" + asks + ":" + ending.id() + ":" + deadline;
        outbox.addOnce(
                TOPIC,
                new Reminder(ending.id(), ending.circleId(), ending.title(), deadline, List.copyOf(circleIds), asks),
                key);
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
        List<UUID> remind = reminder.asks() == Deadline.DELIBERATION
                ? yetToAct.notDeclared(reminder.proposalId(), page)
                : yetToAct.notVoted(reminder.proposalId(), reminder.circleId(), page, clock.instant());
        mailings.queueReminders(
                "REMINDER." + reminder.asks(),
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
