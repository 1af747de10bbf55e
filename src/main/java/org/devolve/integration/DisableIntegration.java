package org.devolve.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Integrations;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.web.Ids;

/**
 * An admin disables an integration (its next request is refused with 403, whatever its token's lifetime: the
 * service looks the integration up on every request) or enables it again. Its memberships and what it did stay.
 */
@ApplicationScoped
class DisableIntegration {

    private final CurrentMember current;
    private final Integrations integrations;
    private final IntegrationQueries queries;

    DisableIntegration(CurrentMember current, Integrations integrations, IntegrationQueries queries) {
        this.current = current;
        this.integrations = integrations;
        this.queries = queries;
    }

    @Transactional
    IntegrationViews.View setDisabled(String ref, boolean disabled) {
        RegisterIntegration.requireAdmin(current);
        UUID id = Ids.parse(ref).orElseThrow(() -> ProblemException.notFound("Integration " + ref));
        Integration row = Integration.findById(id);
        Integrations.Account account =
                row == null ? null : integrations.setDisabled(id, disabled).orElse(null);
        if (account == null) {
            throw ProblemException.notFound("Integration " + id);
        }
        return queries.view(row, account, null);
    }
}
