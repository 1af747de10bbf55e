package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The scheduler's state in {@code /q/health/ready}: how many proposals are stuck past a deadline, since when
 * the oldest, and when it last ran. Always UP: a stuck proposal is a problem of its data, which another
 * replica or a restart would not solve, so it must not take replicas out of service; it is reported here
 * and as the gauge {@code devolve_deadlines_stuck} for alerting. Reads what the last run found, never the
 * database, so it answers at once.
 */
@Readiness
@ApplicationScoped
class DeadlinesHealth implements HealthCheck {

    private final Deadlines deadlines;

    DeadlinesHealth(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public HealthCheckResponse call() {
        Deadlines.Status status = deadlines.status();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("deadlines").up().withData("stuck", status.stuck());
        if (status.oldestStuckSince() != null) {
            response.withData("oldestStuckSince", status.oldestStuckSince().toString());
        }
        if (status.lastRunAt() != null) {
            response.withData("lastRunAt", status.lastRunAt().toString());
        }
        return response.build();
    }
}
