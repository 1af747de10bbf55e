package org.devolve.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.devolve.platform.database.DatabaseState;
import org.devolve.platform.outbox.Outbox;
import org.devolve.proposal.Phase;
import org.devolve.proposal.PhaseChanged;
import org.devolve.proposal.Proposals;
import org.devolve.proposal.VotingDelayed;

/**
 * Decides who hears of what (in-app notifications; no email yet): members of the deciding circle and of
 * every affected circle hear when deliberation opens, when voting opens, when the result is out and when a
 * proposal is withdrawn; facilitators hear, once, when voting is held up by open challenges.
 *
 * <p>The change's transaction writes one outbox message, whatever the size of the circles; the notification
 * rows are written afterwards by {@link NoticeWriter}, a page of members at a time. The message exists if
 * and only if the change commits.
 */
@ApplicationScoped
class Notifier {

    private final Outbox outbox;
    private final Proposals proposals;
    private final Clock clock;

    private final DatabaseState database;

    Notifier(Outbox outbox, Proposals proposals, Clock clock, DatabaseState database) {
        this.outbox = outbox;
        this.proposals = proposals;
        this.clock = clock;
        this.database = database;
    }

    void onPhaseChanged(@Observes PhaseChanged change) {
        String text = switch (change.to()) {
            case DELIBERATION -> "“" + change.title() + "” is open for deliberation: say how much it affects you";
            case VOTING -> "Voting is open on “" + change.title() + "”";
            case CLOSED -> "“" + change.title() + "” is decided: " + describe(change.outcome());
            case WITHDRAWN -> "“" + change.title() + "” was withdrawn";
            default -> null;
        };
        if (text == null || change.from() == Phase.DRAFT && change.to() == Phase.WITHDRAWN) {
            return;
        }
        Set<UUID> circleIds = new LinkedHashSet<>(proposals.affectedCircles(change.proposalId()));
        circleIds.add(change.circleId());
        outbox.add(
                NoticeWriter.TOPIC,
                new NoticeWriter.Notice(
                        "PROPOSAL_" + change.to().name(),
                        change.proposalId(),
                        change.circleId(),
                        text,
                        clock.instant(),
                        NoticeWriter.Audience.MEMBERS,
                        List.copyOf(circleIds),
                        List.of(),
                        change.outcome() == null
                                ? Map.of("title", change.title())
                                : Map.of("title", change.title(), "outcome", change.outcome())));
    }

    void onVotingDelayed(@Observes VotingDelayed delayed) {
        outbox.addOnce(
                NoticeWriter.TOPIC,
                new NoticeWriter.Notice(
                        "VOTING_DELAYED",
                        delayed.proposalId(),
                        delayed.circleId(),
                        "Voting on “" + delayed.title() + "” is due but " + delayed.openChallenges()
                                + " stake challenge(s) are open: resolve them to open voting",
                        clock.instant(),
                        NoticeWriter.Audience.FACILITATORS,
                        List.of(delayed.circleId()),
                        List.of(),
                        Map.of("title", delayed.title(), "openChallenges", Long.toString(delayed.openChallenges()))),
                "VOTING_DELAYED:" + delayed.proposalId());
    }

    /**
     * Voting closes in a day: the members of the deciding and affected circles hear it once per proposal (each
     * replica may look; the outbox keeps one message per key). A deadline moved later is announced again only if it
     * had not been announced yet.
     */
    @io.quarkus.scheduler.Scheduled(
            every = "${devolve.notifications.closing-soon-every:60s}",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP,
            identity = "devolve-closing-soon")
    @jakarta.transaction.Transactional
    void announceClosingSoon() {
        if (!database.ready()) {
            return;
        }
        Instant now = clock.instant();
        for (Proposals.Ending ending : proposals.votingEndingBetween(now, now.plus(CLOSING_SOON))) {
            Set<UUID> circleIds = new LinkedHashSet<>(proposals.affectedCircles(ending.id()));
            circleIds.add(ending.circleId());
            outbox.addOnce(
                    NoticeWriter.TOPIC,
                    new NoticeWriter.Notice(
                            NoticeKind.VOTING_CLOSING_SOON.name(),
                            ending.id(),
                            ending.circleId(),
                            "Voting on “" + ending.title() + "” closes at " + ending.endsAt() + " (UTC)",
                            now,
                            NoticeWriter.Audience.MEMBERS,
                            List.copyOf(circleIds),
                            List.of(),
                            Map.of(
                                    "title",
                                    ending.title(),
                                    "endsAt",
                                    ending.endsAt().toString())),
                    "VOTING_CLOSING_SOON:" + ending.id());
        }
    }

    /** How long before voting ends its members hear that it closes soon. */
    static final Duration CLOSING_SOON = Duration.ofHours(24);

    private static String describe(String outcome) {
        if (outcome == null) {
            return "see the result";
        }
        return switch (outcome) {
            case "ADOPTED" -> "adopted";
            case "REJECTED" -> "rejected";
            case "NO_QUORUM" -> "no quorum was reached";
            default -> "see the result";
        };
    }
}
