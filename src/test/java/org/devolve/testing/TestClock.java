package org.devolve.testing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the real time, shifted by an offset the test sets, so deadlines can be
 * reached exactly ({@code clock.setTo(deadline.minusMillis(1))}). Replaces the production clock, which is a
 * default bean. Tests that move it put it back with {@link #reset()}.
 */
@ApplicationScoped
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozen;

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
        Instant fixed = frozen;
        return fixed != null ? fixed : Instant.now().plus(offset);
    }

    /** Stops the clock at {@code instant} until {@link #reset()}. */
    public void setTo(Instant instant) {
        frozen = instant;
    }

    /** Lets time run again from {@code instant}. */
    public void runFrom(Instant instant) {
        frozen = null;
        offset = Duration.between(Instant.now(), instant);
    }

    public void reset() {
        frozen = null;
        offset = Duration.ZERO;
    }
}
