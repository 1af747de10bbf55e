package org.devolve.proposal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages in the API, parts per million in the database and the tally engine: exactly. */
final class Shares {

    private Shares() {}

    static int ppm(BigDecimal percent) {
        return percent.movePointRight(4).setScale(0, RoundingMode.UNNECESSARY).intValueExact();
    }

    static BigDecimal percent(Integer ppm) {
        if (ppm == null) {
            return null;
        }
        BigDecimal percent = BigDecimal.valueOf(ppm, 4).stripTrailingZeros();
        return percent.scale() < 0 ? percent.setScale(0) : percent;
    }
}
