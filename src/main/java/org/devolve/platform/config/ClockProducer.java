package org.devolve.platform.config;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.DefaultBean;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * The clock every deadline and every "as of" instant is measured with: the database's. Replicas whose own clocks
 * drift apart would otherwise disagree about which ballot came before a deadline or which delegations stood at a
 * close. Reading the database's time on every call would cost a round trip, so the service keeps its own clock
 * and re-measures its offset from the database's every 30 seconds (half the round trip is the uncertainty: a
 * millisecond or less on one network). Tests replace it with a clock they control.
 */
@ApplicationScoped
class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    private final DatabaseClock clock = new DatabaseClock();
    private final AgroalDataSource dataSource;

    ClockProducer(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return clock;
    }

    @Scheduled(
            every = "30s",
            delay = 0,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "devolve-clock")
    void align() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            long before = System.nanoTime();
            Instant local = Instant.now();
            try (ResultSet rs = s.executeQuery("select clock_timestamp()")) {
                rs.next();
                long roundTrip = System.nanoTime() - before;
                Instant database = rs.getObject(1, OffsetDateTime.class).toInstant();
                long offset = Duration.between(local.plusNanos(roundTrip / 2), database)
                        .toNanos();
                clock.align(offset);
            }
        } catch (Exception e) {
            LOG.debugf("The clock could not be aligned with the database's just now: %s", e.getMessage());
        }
    }

    /** The local clock, shifted by the last measured offset from the database's. */
    static final class DatabaseClock extends Clock {

        private volatile long offsetNanos;

        void align(long nanos) {
            // sub-millisecond differences are measurement noise; do not let time jitter back and forth
            if (Math.abs(nanos - offsetNanos) >= 1_000_000) {
                offsetNanos = nanos;
            }
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plusNanos(offsetNanos);
        }
    }
}
