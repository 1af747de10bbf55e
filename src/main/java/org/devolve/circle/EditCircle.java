package org.devolve.circle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.devolve.identity.CurrentMember;

/** Facilitators and admins change a circle's name, description and kind. The slug stays. */
@ApplicationScoped
class EditCircle {

    private final CircleAccess access;
    private final CurrentMember current;
    private final Clock clock;

    EditCircle(CircleAccess access, CurrentMember current, Clock clock) {
        this.access = access;
        this.current = current;
        this.clock = clock;
    }

    @Transactional
    Circle edit(String ref, CircleRequests.Edit request) {
        Circle circle = access.findForUpdate(ref);
        access.requireManager(circle, current);
        circle.name = request.name().trim();
        circle.description = request.description() == null ? "" : request.description();
        circle.kind = request.kind();
        circle.updatedAt = clock.instant();
        return circle;
    }

    @Transactional
    Circle policy(String ref, CirclePolicy policy) {
        Circle circle = access.findForUpdate(ref);
        access.requireManager(circle, current);
        circle.stakeBudget = policy.stakeBudget();
        circle.budgetPeriod = policy.budgetPeriod();
        circle.challengesEnabled = policy.challengesEnabled();
        if (policy.challengeWindowMinutes() != null) {
            circle.challengeWindowMinutes = policy.challengeWindowMinutes().shortValue();
        }
        circle.updatedAt = clock.instant();
        return circle;
    }
}
