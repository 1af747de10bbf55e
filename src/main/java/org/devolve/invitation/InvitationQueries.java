package org.devolve.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.devolve.platform.paging.Keyset;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.devolve.platform.problem.ProblemException;

/** Reading invitations and join requests: facilitators see the pending ones; a link's reader sees its circle. */
@ApplicationScoped
class InvitationQueries {

    private final EntityManager em;
    private final CircleAccess circles;
    private final CurrentMember current;
    private final InvitationLinks links;
    private final Clock clock;

    InvitationQueries(
            EntityManager em, CircleAccess circles, CurrentMember current, InvitationLinks links, Clock clock) {
        this.em = em;
        this.circles = circles;
        this.current = current;
        this.links = links;
        this.clock = clock;
    }

    /** Pending invitations (neither used, nor revoked, nor expired), newest first, each with its link. */
    @Transactional
    Page<InvitationViews.Sent> pending(String circleRef, PageRequest page) {
        CircleSummary circle = circles.byRef(circleRef);
        requireManager(circles, current, circle);
        Keyset.Fetched<Invitation> rows = Keyset.of(em, Invitation.class, "i")
                .where("i.circleId = :circle", "circle", circle.id())
                .where("i.acceptedAt is null and i.revokedAt is null")
                .where("i.expiresAt > :now", "now", clock.instant())
                .orderBy(Keyset.Key.instant("i.createdAt"), Keyset.Order.DESC)
                .thenBy("i.id", i -> i.id, Keyset.Order.DESC)
                .fetch(page);
        Map<UUID, MemberSummary> inviters = Member.summaries(
                rows.items().stream().map(i -> i.invitedBy).distinct().toList());
        return rows.as(i -> new InvitationViews.Sent(
                i.id,
                i.address,
                links.link(links.token(i.id, i.circleId, i.expiresAt)),
                i.createdAt,
                i.expiresAt,
                Optional.ofNullable(inviters.get(i.invitedBy))
                        .map(MemberSummary::displayName)
                        .orElse("")));
    }

    /** What a link invites to, for its landing page: the same refusals as accepting it, and nothing changes. */
    @Transactional
    InvitationViews.Preview preview(String token) {
        InvitationLinks.Claims claims = AcceptInvitation.verified(links, token);
        MemberSummary me = current.summary();
        Invitation invitation = Invitation.findById(claims.invitationId());
        AcceptInvitation.usable(invitation, claims, me, clock.instant());
        CircleSummary circle = circles.summary(invitation.circleId)
                .orElseThrow(() -> ProblemException.notFound("Circle " + invitation.circleId));
        String inviter = Optional.ofNullable(
                        Member.summaries(List.of(invitation.invitedBy)).get(invitation.invitedBy))
                .map(MemberSummary::displayName)
                .orElse("");
        return new InvitationViews.Preview(
                circle, inviter, invitation.expiresAt, circles.isMember(circle.id(), me.id()));
    }

    /** Pending requests to join the circle, newest first (facilitators and admins). */
    @Transactional
    Page<InvitationViews.Request> joinRequests(String circleRef, PageRequest page) {
        CircleSummary circle = circles.byRef(circleRef);
        requireManager(circles, current, circle);
        return Keyset.of(em, JoinRequest.class, "r")
                .where("r.circleId = :circle", "circle", circle.id())
                .where("r.outcome is null")
                .orderBy(Keyset.Key.instant("r.createdAt"), Keyset.Order.DESC)
                .thenBy("r.id", r -> r.id, Keyset.Order.DESC)
                .fetch(page)
                .as(InvitationViews.Request::of);
    }

    /** The caller's latest request to join the circle, if any (its answer included). */
    @Transactional
    Optional<InvitationViews.Request> myJoinRequest(String circleRef) {
        CircleSummary circle = circles.byRef(circleRef);
        return JoinRequest.<JoinRequest>find(
                        "circleId = ?1 and memberId = ?2 order by createdAt desc, id desc", circle.id(), current.id())
                .firstResultOptional()
                .map(InvitationViews.Request::of);
    }

    static void requireManager(CircleAccess circles, CurrentMember current, CircleSummary circle) {
        if (!circles.canManage(circle.id(), current)) {
            throw ProblemException.forbidden(
                    "Only facilitators of " + circle.name() + " and admins may manage its invitations and requests");
        }
    }
}
