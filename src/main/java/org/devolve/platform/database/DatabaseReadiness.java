package org.devolve.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the schema is migrated and the database answered the last probe; answers at once. */
@Readiness
@ApplicationScoped
class DatabaseReadiness implements HealthCheck {

    private final DatabaseState state;

    DatabaseReadiness(DatabaseState state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer =
                HealthCheckResponse.named("Database").status(state.ready()).withData("migrated", state.migrated());
        if (!state.ready()) {
            answer.withData("problem", state.lastProblem());
        }
        return answer.build();
    }
}
