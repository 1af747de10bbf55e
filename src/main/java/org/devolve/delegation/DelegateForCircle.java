package org.devolve.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.CurrentMember;
import org.devolve.notification.NoticeKind;
import org.devolve.notification.Notices;
import org.devolve.platform.problem.ProblemException;

/**
 * A member entrusts their judgement in a circle's proposals to another member of the circle: the delegate's
 * ballot counts for them wherever they declare a stake and do not vote themself (never their stake: that stays
 * their own). A delegation that loops, or ends with someone who does not vote, counts as not cast.
 */
@ApplicationScoped
class DelegateForCircle {

    private final CircleAccess circles;
    private final CurrentMember current;
    private final DelegationBook book;
    private final Notices notices;

    DelegateForCircle(CircleAccess circles, CurrentMember current, DelegationBook book, Notices notices) {
        this.notices = notices;
        this.circles = circles;
        this.current = current;
        this.book = book;
    }

    @Transactional
    Delegation delegate(String circleRef, UUID delegateId) {
        CircleSummary circle = circles.byRef(circleRef);
        UUID me = current.id();
        if (!circles.isMember(circle.id(), me)) {
            throw ProblemException.forbidden("Only members of " + circle.name() + " delegate for it");
        }
        book.requireDelegate(delegateId, me);
        if (!circles.isMember(circle.id(), delegateId)) {
            throw ProblemException.invalid(
                    "delegateId", DelegationField.NOT_A_MEMBER, "is not a member of " + circle.name());
        }
        Delegation d = book.set(me, delegateId, circle.id(), null);
        String delegator = current.summary().displayName();
        notices.tell(
                NoticeKind.DELEGATION_RECEIVED,
                null,
                circle.id(),
                Map.of("delegator", delegator, "circle", circle.name()),
                delegator + " entrusted you with their vote in " + circle.name(),
                List.of(delegateId));
        return d;
    }
}
