package org.devolve.argument;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.notification.NoticeKind;
import org.devolve.notification.Notices;
import org.devolve.platform.events.LiveEvents;
import org.devolve.proposal.Phase;
import org.devolve.proposal.PhaseGuards;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;

/**
 * Anyone taking part argues during deliberation and voting, whatever their stake (a person at stake 0 has no
 * vote but may still argue); the proposal's readers see it live.
 */
@ApplicationScoped
class PostArgument {

    private final Proposals proposals;
    private final CurrentMember current;
    private final LiveEvents live;
    private final Clock clock;
    private final Notices notices;

    PostArgument(Proposals proposals, CurrentMember current, LiveEvents live, Clock clock, Notices notices) {
        this.notices = notices;
        this.proposals = proposals;
        this.current = current;
        this.live = live;
        this.clock = clock;
    }

    @Transactional
    Argument post(String proposalRef, ArgumentViews.Post post) {
        Proposal p = proposals.forParticipation(proposalRef, false);
        PhaseGuards.requirePhase(p, "argue", Phase.DELIBERATION, Phase.VOTING);
        Argument a = new Argument();
        a.id = UUID.randomUUID();
        a.proposalId = p.id;
        a.authorId = current.id();
        a.side = post.side();
        a.body = post.body().trim();
        a.createdAt = clock.instant();
        a.persist();
        live.publish(
                p.id,
                "argument",
                Map.of(
                        "id",
                        a.id.toString(),
                        "side",
                        a.side.name(),
                        "author",
                        current.summary().displayName()));
        if (!p.authorId.equals(a.authorId)) {
            notices.tell(
                    NoticeKind.ARGUMENT_POSTED,
                    p.id,
                    p.circleId,
                    Map.of("title", p.title, "author", current.summary().displayName(), "side", a.side.name()),
                    current.summary().displayName() + " argued ("
                            + a.side.name().toLowerCase(Locale.ROOT) + ") on “" + p.title + "”",
                    List.of(p.authorId));
        }
        return a;
    }
}
