package org.devolve.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.devolve.circle.Admissions;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.MemberSummary;
import org.devolve.notification.NoticeKind;
import org.devolve.notification.Notices;
import org.devolve.platform.problem.ProblemException;

/**
 * A signed-in person who does not belong to a circle asks to join it; its facilitators are told. Asking again while
 * a request is pending answers that request (one pending request per person and circle). The circle's row is locked
 * first, so two requests at once make one.
 */
@ApplicationScoped
class AskToJoin {

    record Outcome(JoinRequest request, boolean created) {}

    private final CircleAccess circles;
    private final Admissions admissions;
    private final CurrentMember current;
    private final Notices notices;
    private final Clock clock;

    AskToJoin(CircleAccess circles, Admissions admissions, CurrentMember current, Notices notices, Clock clock) {
        this.circles = circles;
        this.admissions = admissions;
        this.current = current;
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional
    Outcome ask(String circleRef) {
        MemberSummary me = current.summary();
        CircleSummary circle = admissions.lock(circles.byRef(circleRef).id());
        if (circles.isMember(circle.id(), me.id())) {
            throw ProblemException.of(InvitationProblem.ALREADY_MEMBER, "You are already a member of " + circle.name());
        }
        JoinRequest pending = JoinRequest.<JoinRequest>find(
                        "circleId = ?1 and memberId = ?2 and outcome is null", circle.id(), me.id())
                .firstResult();
        if (pending != null) {
            return new Outcome(pending, false);
        }
        JoinRequest request = new JoinRequest();
        request.id = UUID.randomUUID();
        request.circleId = circle.id();
        request.memberId = me.id();
        request.memberName = me.displayName();
        request.createdAt = clock.instant();
        request.persist();
        notices.tellFacilitators(
                NoticeKind.JOIN_REQUESTED,
                null,
                circle.id(),
                Map.of("circle", circle.name(), "requester", me.displayName()),
                me.displayName() + " asks to join " + circle.name(),
                me.id());
        return new Outcome(request, true);
    }
}
