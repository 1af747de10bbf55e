package org.devolve.circle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The period a stake budget renews over; periods are calendar periods in UTC. */
public enum BudgetPeriod {
    MONTH,
    QUARTER,
    YEAR;

    /** The period an instant falls in: {@code 2026-11}, {@code 2026-Q4} or {@code 2026}. */
    public String keyOf(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        return switch (this) {
            case MONTH -> String.format("%d-%02d", t.getYear(), t.getMonthValue());
            case QUARTER -> t.getYear() + "-Q" + ((t.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(t.getYear());
        };
    }
}
