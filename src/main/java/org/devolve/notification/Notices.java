package org.devolve.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.platform.outbox.Outbox;

/**
 * The notification feature's port: other features tell people something in the transaction of the change, and
 * the notification rows are written after it commits ({@link NoticeWriter}); nothing is told of a change that rolls
 * back. Callers never tell anything that pairs a person with a secret ballot (docs/threat-model.md).
 */
@ApplicationScoped
public class Notices {

    private final Outbox outbox;
    private final Clock clock;

    Notices(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Tells these members (the caller leaves out whoever made the change). */
    public void tell(
            NoticeKind kind,
            UUID proposalId,
            UUID circleId,
            Map<String, String> params,
            String text,
            Collection<UUID> members) {
        tell(kind, proposalId, circleId, params, text, members, null);
    }

    /** The same, where {@code about} (one of them) is whom it is about: a ruling's declarant (a mail of their own). */
    public void tell(
            NoticeKind kind,
            UUID proposalId,
            UUID circleId,
            Map<String, String> params,
            String text,
            Collection<UUID> members,
            UUID about) {
        if (members.isEmpty()) {
            return;
        }
        outbox.add(
                NoticeWriter.TOPIC,
                new NoticeWriter.Notice(
                        kind.name(),
                        proposalId,
                        circleId,
                        text,
                        clock.instant(),
                        NoticeWriter.Audience.PEOPLE,
                        List.of(),
                        List.copyOf(members),
                        Map.copyOf(params),
                        about));
    }

    /** Tells the facilitators of the circle, but not {@code except} (who made the change, or whom it concerns). */
    public void tellFacilitators(
            NoticeKind kind, UUID proposalId, UUID circleId, Map<String, String> params, String text, UUID except) {
        outbox.add(
                NoticeWriter.TOPIC,
                new NoticeWriter.Notice(
                        kind.name(),
                        proposalId,
                        circleId,
                        text,
                        clock.instant(),
                        NoticeWriter.Audience.FACILITATORS,
                        List.of(),
                        except == null ? List.of() : List.of(except),
                        Map.copyOf(params)));
    }
}
