package org.devolve.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Devolve's own configuration: every {@code devolve.*} key, typed. See README, "Configuration". */
@ConfigMapping(prefix = "devolve")
public interface DevolveConfig {

    Keycloak keycloak();

    Api api();

    Paging paging();

    Database database();

    Ledger ledger();

    Results results();

    Deadlines deadlines();

    RateLimits rateLimits();

    /** Per replica; see org.devolve.platform.ratelimit.RateLimits and docs/deploy.md. */
    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** POST, PUT, PATCH and DELETE on the API. */
        Limit writes();

        /** A proposal's result, turnout, exports, ledger verification and live events. */
        Limit expensiveReads();

        interface Limit {
            /** Requests of one member per period. */
            long perMember();

            /** Requests of one client address per period (all members behind it together). */
            long perAddress();

            @WithDefault("1m")
            java.time.Duration period();
        }
    }

    interface Ledger {
        /**
         * The key of ballot pseudonyms in secret proposals. Required in production (from the environment:
         * DEVOLVE_LEDGER_PSEUDONYM_SECRET); changing it makes existing pseudonyms unverifiable by voters.
         */
        String pseudonymSecret();
    }

    interface Results {
        /** In secret proposals, breakdown cells with fewer voters than this are merged into "other". */
        @WithDefault("5")
        int minCellVoters();
    }

    interface Deadlines {
        /** How often the scheduler looks for proposals whose deadline has passed. */
        @WithDefault("5s")
        String every();
    }

    interface Keycloak {
        /** The Keycloak server's base URL, e.g. {@code http://127.0.0.1:8180}. */
        String url();

        /** The realm that signs Devolve's tokens. */
        @WithDefault("devolve")
        String realm();

        /**
         * Whether an {@code http://} Keycloak URL is accepted. Off by default: tokens and sign-in must travel
         * over TLS; development and tests allow it (and {@code ./devolve run} sets it).
         */
        @WithDefault("false")
        boolean allowHttp();

        /** The public client the web UI signs in with (authorization code + PKCE). */
        @WithDefault("devolve-web")
        String webClientId();
    }

    interface Api {
        /** Requests with a larger body are refused with 413 before they are read. */
        @WithDefault("262144")
        long maxBodyBytes();
    }

    interface Paging {
        @WithDefault("20")
        int defaultLimit();

        @WithDefault("100")
        int maxLimit();
    }

    interface Database {
        Embedded embedded();

        /** How long start-up waits for the database before the service gives up (exit status 1). */
        @WithDefault("5m")
        java.time.Duration startupTimeout();

        /** How often readiness asks the database whether it answers. */
        @WithDefault("500ms")
        java.time.Duration checkEvery();

        /** How long one such check may take. */
        @WithDefault("1s")
        java.time.Duration checkTimeout();

        /** Read by {@code EmbeddedPostgresConfigSourceFactory} before the application starts. */
        interface Embedded {
            @WithDefault("true")
            boolean enabled();

            /** Where the embedded server keeps its data; empty for a throw-away directory (tests). */
            Optional<String> dataDir();

            /** 0 picks a free port. */
            @WithDefault("0")
            int port();
        }
    }
}
