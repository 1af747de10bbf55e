package org.devolve.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.devolve.circle.Admissions;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Integrations;
import org.devolve.identity.MemberSummary;
import org.devolve.platform.problem.ProblemException;

/**
 * An admin registers an integration: a Keycloak client with the client-credentials grant becomes a member of kind
 * integration, a plain member of its owner circle. Facilitators then grant it roles in circles as they would a
 * person (docs/decisions.md, "Service accounts").
 */
@ApplicationScoped
class RegisterIntegration {

    private final CurrentMember current;
    private final Integrations integrations;
    private final Admissions admissions;
    private final IntegrationQueries queries;
    private final Clock clock;

    RegisterIntegration(
            CurrentMember current,
            Integrations integrations,
            Admissions admissions,
            IntegrationQueries queries,
            Clock clock) {
        this.current = current;
        this.integrations = integrations;
        this.admissions = admissions;
        this.queries = queries;
        this.clock = clock;
    }

    @Transactional
    IntegrationViews.View register(IntegrationViews.Registration request) {
        requireAdmin(current);
        CircleSummary owner = admissions.lock(request.ownerCircle());
        String clientId = request.clientId().strip();
        if (integrations.clientTaken(clientId)) {
            throw ProblemException.of(
                    IntegrationProblem.CLIENT_TAKEN, "An integration with the client id " + clientId + " exists");
        }
        Integrations.Account account =
                integrations.create(clientId, request.name().strip());
        Integration row = new Integration();
        row.memberId = account.id();
        row.ownerCircleId = owner.id();
        row.registeredBy = current.id();
        row.registeredAt = clock.instant();
        row.persist();
        admissions.admit(owner.id(), new MemberSummary(account.id(), clientId, account.name()), current.id());
        return queries.view(row, account, owner);
    }

    static void requireAdmin(CurrentMember current) {
        if (!current.isAdmin()) {
            throw ProblemException.forbidden("Only admins register and disable integrations");
        }
    }
}
