package org.devolve.platform.database;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/**
 * Skips a scheduled job ({@code @Scheduled(skipExecutionIf = UntilMigrated.class)}) until this replica has seen
 * the schema migrated. The scheduler starts with the application, before or while Flyway runs — on a fresh
 * database, or while another replica applies a new migration — and a job that reads the tables then fails
 * against a schema that is not there yet (TwoReplicasIT saw it: "relation proposal does not exist").
 */
@Singleton
public class UntilMigrated implements Scheduled.SkipPredicate {

    private final DatabaseState database;

    UntilMigrated(DatabaseState database) {
        this.database = database;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !database.migrated();
    }
}
