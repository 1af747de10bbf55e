package org.devolve.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.MemberSummary;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.outbox.Outbox;
import org.devolve.platform.problem.ProblemException;

/**
 * A facilitator (or an admin) invites people to a circle by email address, one or many pasted at once: one
 * invitation per distinct address, each with its signed link, and in the same transaction one
 * {@code invitation-mail} message per invitation for the mail feature. Nothing is written when any address is bad.
 */
@ApplicationScoped
class InvitePeople {

    private final CircleAccess circles;
    private final CurrentMember current;
    private final InvitationLinks links;
    private final Outbox outbox;
    private final DevolveConfig config;
    private final Clock clock;

    InvitePeople(
            CircleAccess circles,
            CurrentMember current,
            InvitationLinks links,
            Outbox outbox,
            DevolveConfig config,
            Clock clock) {
        this.circles = circles;
        this.current = current;
        this.links = links;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    InvitationViews.SentList invite(String circleRef, InvitationViews.Invite request) {
        CircleSummary circle = circles.byRef(circleRef);
        MemberSummary inviter = current.summary();
        if (!circles.canManage(circle.id(), current)) {
            throw ProblemException.forbidden("Only facilitators of " + circle.name() + " and admins may invite people");
        }
        List<String> addresses =
                AddressList.parse(request.addresses(), config.invitations().maxPerRequest());
        String language = request.language() == null ? "en" : request.language();
        Instant now = clock.instant();
        // Whole seconds: the link carries the expiry in seconds, and must match the row exactly.
        Instant expires = now.plus(config.invitations().lifetime()).truncatedTo(ChronoUnit.SECONDS);
        List<InvitationViews.Sent> sent = new ArrayList<>();
        for (String address : addresses) {
            Invitation invitation = new Invitation();
            invitation.id = UUID.randomUUID();
            invitation.circleId = circle.id();
            invitation.address = address;
            invitation.invitedBy = inviter.id();
            invitation.createdAt = now;
            invitation.expiresAt = expires;
            invitation.persist();
            String link = links.link(links.token(invitation.id, circle.id(), expires));
            outbox.add(
                    InvitationMail.TOPIC,
                    new InvitationMail(
                            invitation.id,
                            address,
                            circle.name(),
                            inviter.displayName(),
                            link,
                            language,
                            expires.toString()));
            sent.add(new InvitationViews.Sent(invitation.id, address, link, now, expires, inviter.displayName()));
        }
        return new InvitationViews.SentList(sent);
    }
}
