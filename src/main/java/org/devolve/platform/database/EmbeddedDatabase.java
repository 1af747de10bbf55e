package org.devolve.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL of development and tests: one server per JVM.
 *
 * <p>With a data directory, the data survives restarts (the dev database, by default in
 * {@code ~/.devolve/postgres}). Without one, the server runs on a fresh temporary directory that is
 * deleted when the JVM exits: every test run starts from an empty database.
 *
 * <p>The JDBC URL of the running server is kept in a system property, so that a live reload in dev mode,
 * which builds the configuration anew in a new class loader, finds the server it started before.
 */
final class EmbeddedDatabase {

    record Connection(String jdbcUrl, String user, String password) {}

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final String RUNNING = "org.devolve.embedded-postgres.running-url";
    private static final String USER = "postgres";

    private EmbeddedDatabase() {}

    static synchronized Connection start(String dataDir, int port, Map<String, String> settings) {
        String running = System.getProperty(RUNNING);
        if (running != null) {
            return new Connection(running, USER, USER);
        }
        long started = System.nanoTime();
        try {
            boolean persistent = dataDir != null && !dataDir.isBlank();
            Path directory = persistent
                    ? Files.createDirectories(Path.of(dataDir))
                    : Files.createTempDirectory("devolve-postgres-");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(!persistent)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    // durable commits for a kept database (zonky's default is off); a throw-away one (tests)
                    // keeps them off: it is deleted when the JVM ends anyway
                    .setServerConfig("synchronous_commit", persistent ? "on" : "off")
                    .setPGStartupWait(Duration.ofSeconds(60));
            settings.forEach(builder::setServerConfig); // devolve.database.embedded.settings: last, so they win
            EmbeddedPostgres postgres = builder.start();
            String url = postgres.getJdbcUrl(USER, "postgres");
            System.setProperty(RUNNING, url);
            LOG.infof(
                    "Embedded PostgreSQL 15 started in %d ms on port %d with %s data in %s",
                    (System.nanoTime() - started) / 1_000_000,
                    postgres.getPort(),
                    persistent ? "persistent" : "throw-away",
                    directory);
            return new Connection(url, USER, USER);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The embedded PostgreSQL did not start: " + e.getMessage()
                            + ". Set QUARKUS_DATASOURCE_JDBC_URL to use another PostgreSQL server.",
                    e);
        }
    }
}
