package org.devolve.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
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
            Duration period();
        }
    }

    Outbox outbox();

    Mail mail();

    /** Email (org.devolve.notification.Mailings); see docs/deploy.md, "Email". */
    interface Mail {
        /** SMTP sends through quarkus.mailer.*, LOG writes each mail to the log, OFF sends nothing. Required in prod. */
        MailMode mode();

        /** The sender, e.g. {@code Devolve <devolve@example.org>}. */
        @WithDefault("Devolve <devolve@localhost>")
        String from();

        /**
         * The key of unsubscribe links (HMAC-SHA256 over member and kind). Required in production unless the mode
         * is OFF (DEVOLVE_MAIL_UNSUBSCRIBE_KEY); changing it voids the links of mails already sent.
         */
        Optional<String> unsubscribeKey();

        /** How long before a deadline those who have not yet acted get a reminder. */
        @WithDefault("24h")
        Duration reminderBefore();

        /** The hour of the day (UTC, 0 to 23) from which the daily digests go out. */
        @WithDefault("7")
        int digestHour();

        /** How often each replica looks for reminders and digests due. */
        @WithDefault("60s")
        String every();

        enum MailMode {
            SMTP,
            LOG,
            OFF
        }
    }

    Webhooks webhooks();

    Live live();

    Ballots ballots();

    Web web();

    Invitations invitations();

    /** The web UI as people reach it. */
    interface Web {
        /**
         * The web UI's public base URL, without a trailing slash ({@code https://devolve.example.org}): links
         * that leave the service (invitations) start with it. Required in production (DEVOLVE_WEB_PUBLIC_URL).
         */
        String publicUrl();
    }

    /** Invitation links; see org.devolve.invitation.InvitationLinks and docs/decisions.md, "Invitations". */
    interface Invitations {
        /**
         * The HMAC-SHA-256 key that signs invitation links, at least 32 characters. Required in production
         * (DEVOLVE_INVITATIONS_SECRET); changing it invalidates every pending link.
         */
        String secret();

        /** How long an invitation link stays valid. */
        @WithDefault("14d")
        Duration lifetime();

        /** The most addresses one request may invite. */
        @WithDefault("200")
        int maxPerRequest();
    }

    /** How ballots are written; see org.devolve.ballot.BallotBatches and docs/decisions.md, "Group commit". */
    interface Ballots {
        /**
         * Ballots of one proposal that arrive together are written under one lock and in one transaction. False
         * writes each ballot in a transaction of its own (the path before group commit; kept for the benchmark).
         */
        @WithDefault("true")
        boolean groupCommit();

        /** The most ballots one transaction writes; the rest wait for the next one. */
        @WithDefault("256")
        int maxBatch();
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

        /** Due proposals read per query; every due proposal is visited on each run, a page at a time. */
        @WithDefault("100")
        int pageSize();

        /** A proposal that fails to move on is tried again after this, doubling with each failure ... */
        @WithDefault("30s")
        Duration retryInitial();

        /** ... up to this. */
        @WithDefault("1h")
        Duration retryMax();
    }

    /** The outbox worker (org.devolve.platform.outbox). */
    interface Outbox {
        /** How often each replica looks for work in the outbox. */
        @WithDefault("1s")
        String every();

        /** Rows a handler writes per transaction (for example notifications of a large circle). */
        @WithDefault("1000")
        int batchSize();

        /** A failed message is tried again after this, doubling with each failure ... */
        @WithDefault("5s")
        Duration retryInitial();

        /** ... up to this. */
        @WithDefault("1h")
        Duration retryMax();

        /** Done messages are deleted after this. */
        @WithDefault("7d")
        Duration retention();
    }

    /** Outgoing webhooks per circle (org.devolve.webhook; docs/integrations.md). */
    interface Webhooks {
        /**
         * The AES-256 key (base64 of 32 bytes) that encrypts the endpoints' signing secrets in the database. Required
         * in production (from the environment: DEVOLVE_WEBHOOKS_SECRET_KEY); changing it makes every stored secret
         * unreadable (the endpoints' secrets must then be rotated).
         */
        String secretKey();

        /**
         * Whether endpoints may be in private, loopback, link-local or unique-local ranges (checked at registration
         * and again before every delivery). Off in production; development and tests allow it.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** How often each replica looks for deliveries that are due. */
        @WithDefault("1s")
        String every();

        /** The most a delivery's connection and request may take together before it counts as failed. */
        @WithDefault("10s")
        Duration timeout();

        /** A failed delivery is tried again after this, doubling with each failure ... */
        @WithDefault("10s")
        Duration retryInitial();

        /** ... up to this ... */
        @WithDefault("2h")
        Duration retryMax();

        /** ... until this long after the event; then the delivery is given up (status FAILED). */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** After a rotation, the previous secret also signs for this long (a second signature in the header). */
        @WithDefault("24h")
        Duration rotationGrace();

        /** Deliveries one replica has in flight at once. */
        @WithDefault("32")
        int maxInFlight();

        /** Endpoints one circle may register. */
        @WithDefault("10")
        int maxEndpointsPerCircle();
    }

    /** Live events: server-sent-event streams and the LISTEN connection behind them. */
    interface Live {
        /** Concurrent streams one member may hold on one replica; beyond it, 429. */
        @WithDefault("8")
        int maxStreamsPerMember();

        /** How often each stream re-checks its reader's rights and looks up turnout. */
        @WithDefault("2s")
        Duration refreshEvery();

        /** The LISTEN connection is probed after this much silence, and given up on if the probe hangs as long. */
        @WithDefault("10s")
        Duration heartbeat();

        /** The first pause before the LISTEN connection is opened again; it doubles up to 30 s. */
        @WithDefault("2s")
        Duration reconnectDelay();

        /** Events are kept this long for clients that resume with Last-Event-ID. */
        @WithDefault("24h")
        Duration retention();
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
        Duration startupTimeout();

        /** How often readiness asks the database whether it answers. */
        @WithDefault("500ms")
        Duration checkEvery();

        /** How long one such check may take. */
        @WithDefault("1s")
        Duration checkTimeout();

        /** Read by {@code EmbeddedPostgresConfigSourceFactory} before the application starts. */
        interface Embedded {
            @WithDefault("true")
            boolean enabled();

            /** Where the embedded server keeps its data; empty for a throw-away directory (tests). */
            Optional<String> dataDir();

            /** 0 picks a free port. */
            @WithDefault("0")
            int port();

            /**
             * More server settings, {@code name=value} separated by commas, given to the server at its start (for
             * settings a reload cannot change: {@code shared_preload_libraries}, {@code logging_collector}).
             * ListPlansMeasurement uses it to capture the plans of the service's statements.
             */
            Optional<String> settings();
        }
    }
}
