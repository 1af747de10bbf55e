package org.devolve.platform.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.devolve.platform.config.DevolveConfig;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Whether the database can be used: migrated at start-up, and answering now.
 *
 * <ul>
 *   <li><b>Start-up.</b> The service starts without its database: the HTTP and management ports open at
 *       once, readiness says DOWN, the API answers 503, and the schema is migrated (Flyway) as soon as the
 *       database answers. Should it not answer within {@code devolve.database.startup-timeout}, the service
 *       exits with status 1, so that its supervisor sees the failure.</li>
 *   <li><b>Running.</b> A probe asks the pool for a connection and checks it every
 *       {@code devolve.database.check-every}; readiness follows the last answer, so a lost database is seen
 *       within about that time and a returning one too, without a restart.</li>
 * </ul>
 */
@ApplicationScoped
public class DatabaseState {

    private static final Logger LOG = Logger.getLogger(DatabaseState.class);

    private final Flyway flyway;
    private final DevolveConfig.Database config;
    private volatile boolean migrated;
    private volatile boolean answering;
    private volatile String lastProblem = "not checked yet";
    private ScheduledExecutorService probe;
    private Connection probeConnection;
    private int slowAnswers;

    private final AgroalDataSource pool;

    DatabaseState(Flyway flyway, AgroalDataSource pool, DevolveConfig config) {
        this.pool = pool;
        this.flyway = flyway;
        this.config = config.database();
    }

    /** Migrated and answering: the API may use it. */
    public boolean ready() {
        return migrated && answering;
    }

    public boolean migrated() {
        return migrated;
    }

    String lastProblem() {
        return lastProblem;
    }

    void start(@Observes StartupEvent event) {
        probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "devolve-database-probe");
            t.setDaemon(true);
            return t;
        });
        long deadline = System.nanoTime() + config.startupTimeout().toNanos();
        // a first attempt during start-up: with the database there, the service is ready when it starts
        migrate(deadline);
    }

    void stop(@Observes ShutdownEvent event) {
        if (probe != null) {
            probe.shutdownNow();
        }
    }

    private void migrate(long deadline) {
        try {
            flyway.migrate();
            migrated = true;
            answering = true;
            LOG.info("Database schema migrated; the service is ready");
            long every = Math.max(50, config.checkEvery().toMillis());
            probe.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            lastProblem = describe(e);
            if (System.nanoTime() > deadline) {
                LOG.errorf(
                        "The database did not answer within %s (%s); stopping", config.startupTimeout(), lastProblem);
                Quarkus.asyncExit(1);
                return;
            }
            LOG.warnf("Waiting for the database: %s", lastProblem);
            probe.schedule(() -> migrate(deadline), Duration.ofSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The probe keeps a connection of its own, outside the pool, so that a pool busy with requests is not
     * mistaken for a database that is gone.
     */
    private void check() {
        boolean ok;
        try {
            if (probeConnection == null || probeConnection.isClosed()) {
                probeConnection = open();
            }
            if (probeConnection.isValid(Math.max(1, (int) config.checkTimeout().toSeconds()))) {
                slowAnswers = 0;
                ok = true;
            } else {
                // a slow answer may be load rather than loss: DOWN on the second one in a row
                lastProblem = "the database did not answer within " + config.checkTimeout();
                slowAnswers++;
                ok = answering && slowAnswers < 2;
                discardProbeConnection();
            }
        } catch (Exception e) {
            lastProblem = describe(e);
            ok = false;
            discardProbeConnection();
        }
        if (ok != answering) {
            if (ok) {
                LOG.info("The database answers again");
                // connections of before the outage are dead: the pool makes new ones rather than fail on them
                pool.flush(AgroalDataSource.FlushMode.ALL);
            } else {
                LOG.warnf("The database does not answer: %s", lastProblem);
            }
        }
        answering = ok;
    }

    private void discardProbeConnection() {
        if (probeConnection != null) {
            try {
                probeConnection.close();
            } catch (Exception ignored) {
                // it is gone anyway
            }
            probeConnection = null;
        }
    }

    private Connection open() throws java.sql.SQLException {
        org.eclipse.microprofile.config.Config settings = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        Properties properties = new Properties();
        settings.getOptionalValue("quarkus.datasource.username", String.class)
                .ifPresent(u -> properties.setProperty("user", u));
        settings.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(p -> properties.setProperty("password", p));
        int seconds = (int) Math.max(1, config.checkTimeout().toSeconds());
        properties.setProperty("connectTimeout", Integer.toString(seconds));
        properties.setProperty("socketTimeout", Integer.toString(seconds + 1));
        properties.setProperty("ApplicationName", "devolve-readiness");
        return new org.postgresql.Driver()
                .connect(settings.getValue("quarkus.datasource.jdbc.url", String.class), properties);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
