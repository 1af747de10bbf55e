package org.devolve.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.problem.ProblemException;

/** A member takes their judgement in a circle's proposals back; the delegation stays in the table as history. */
@ApplicationScoped
class RevokeCircleDelegation {

    private final CircleAccess circles;
    private final CurrentMember current;
    private final DelegationBook book;

    RevokeCircleDelegation(CircleAccess circles, CurrentMember current, DelegationBook book) {
        this.circles = circles;
        this.current = current;
        this.book = book;
    }

    @Transactional
    void revoke(String circleRef) {
        CircleSummary circle = circles.byRef(circleRef);
        Delegation active = book.active("circleId", circle.id(), current.id());
        if (active == null) {
            throw ProblemException.notFound("Your delegation for " + circle.name());
        }
        book.revoke(active);
    }
}
