package org.devolve.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
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
import org.devolve.platform.web.Ids;

/**
 * A facilitator (or an admin) accepts a request to join (the requester becomes a plain member) or declines it; the
 * requester is told either way. A request is answered once.
 */
@ApplicationScoped
class AnswerJoinRequest {

    private final CircleAccess circles;
    private final Admissions admissions;
    private final CurrentMember current;
    private final Notices notices;
    private final EntityManager em;
    private final Clock clock;

    AnswerJoinRequest(
            CircleAccess circles,
            Admissions admissions,
            CurrentMember current,
            Notices notices,
            EntityManager em,
            Clock clock) {
        this.circles = circles;
        this.admissions = admissions;
        this.current = current;
        this.notices = notices;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    JoinRequest answer(String circleRef, String requestRef, boolean accept) {
        CircleSummary circle = circles.byRef(circleRef);
        InvitationQueries.requireManager(circles, current, circle);
        admissions.lock(circle.id());
        UUID id = Ids.parse(requestRef).orElseThrow(() -> ProblemException.notFound("Join request " + requestRef));
        JoinRequest request = em.find(JoinRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !request.circleId.equals(circle.id())) {
            throw ProblemException.notFound("Join request " + requestRef);
        }
        if (request.outcome != null) {
            throw ProblemException.of(
                            InvitationProblem.JOIN_REQUEST_DECIDED,
                            request.memberName + "'s request was already " + request.outcome.toLowerCase(Locale.ROOT))
                    .with("outcome", request.outcome);
        }
        request.outcome = accept ? JoinRequest.ACCEPTED : JoinRequest.DECLINED;
        request.decidedBy = current.id();
        request.decidedAt = clock.instant();
        if (accept) {
            admissions.admit(
                    circle.id(),
                    new MemberSummary(request.memberId, request.memberName, request.memberName),
                    current.id());
        }
        notices.tell(
                accept ? NoticeKind.JOIN_ACCEPTED : NoticeKind.JOIN_DECLINED,
                null,
                circle.id(),
                Map.of("circle", circle.name()),
                accept
                        ? "Your request to join " + circle.name() + " was accepted"
                        : "Your request to join " + circle.name() + " was declined",
                List.of(request.memberId));
        return request;
    }
}
