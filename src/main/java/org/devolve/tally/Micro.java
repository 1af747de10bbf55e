package org.devolve.tally;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Fixed-point arithmetic in micro-units (10^-6), exact and machine-independent.
 *
 * <p>Every weight and total of the engine is a {@code long} count of micro-units. Nothing here uses
 * floating point for a result: where a square root is needed, {@link Math#sqrt} only supplies a first
 * guess that integer arithmetic then corrects to the exact floor.
 */
public final class Micro {

    /** Micro-units in one unit. */
    public static final long ONE = 1_000_000L;
    /** The largest weight one declaration may carry: 10^6 units (e.g. a delegate for a million members). */
    public static final long MAX_WEIGHT = 1_000_000L * ONE;
    /** The largest total weight declared: 10^12 units; every product the engine forms then fits a long. */
    static final long MAX_TOTAL = 1_000_000_000_000L * ONE;

    private Micro() {}

    /** Formats micro-units as a decimal string with exactly six decimals, e.g. {@code 1414214 -> "1.414214"}. */
    public static String format(long micros) {
        StringBuilder out = new StringBuilder(24);
        if (micros < 0) {
            out.append('-');
        }
        long abs = Math.abs(micros);
        out.append(abs / ONE).append('.');
        String fraction = Long.toString(abs % ONE);
        out.append("000000", 0, 6 - fraction.length()).append(fraction);
        return out.toString();
    }

    /**
     * Parses a non-negative decimal string with at most six decimals ({@code "3"}, {@code "0.5"},
     * {@code "1.414214"}) into micro-units.
     *
     * @return the value, or -1 when the text is not such a number or exceeds {@code max}
     */
    public static long parse(String text, long max) {
        if (text == null || text.isEmpty() || text.length() > 32) {
            return -1;
        }
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        if (whole.isEmpty()
                || fraction.length() > 6
                || (dot >= 0 && fraction.isEmpty())
                || !digits(whole)
                || !digits(fraction)) {
            return -1;
        }
        if (whole.length() > 13) {
            return -1;
        }
        long value = Long.parseLong(whole) * ONE;
        if (!fraction.isEmpty()) {
            value += Long.parseLong(fraction) * pow10(6 - fraction.length());
        }
        return value > max ? -1 : value;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    /** The exact floor of the square root of a non-negative long. */
    static long isqrt(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative");
        }
        long r = (long) Math.sqrt((double) n);
        while (r > 0 && (r > 3_037_000_499L || r * r > n)) {
            r--;
        }
        while (r + 1 <= 3_037_000_499L && (r + 1) * (r + 1) <= n) {
            r++;
        }
        return r;
    }

    /**
     * The exact floor of the square root of the unsigned 128-bit number {@code hi·2^64 + lo}, for values
     * below 2^100. The double guess is off by at most a few units; 128-bit comparisons correct it.
     */
    static long isqrt128(long hi, long lo) {
        double approx = Math.sqrt(hi * 18446744073709551616.0 + unsignedToDouble(lo));
        long r = (long) approx;
        while (r > 0 && compare128(Math.multiplyHigh(r, r), r * r, hi, lo) > 0) {
            r--;
        }
        while (compare128(Math.multiplyHigh(r + 1, r + 1), (r + 1) * (r + 1), hi, lo) <= 0) {
            r++;
        }
        return r;
    }

    private static double unsignedToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1L);
    }

    private static int compare128(long aHi, long aLo, long bHi, long bLo) {
        if (aHi != bHi) {
            return Long.compareUnsigned(aHi, bHi);
        }
        return Long.compareUnsigned(aLo, bLo);
    }

    /** Whether {@code a·b >= c·d} for non-negative longs, compared exactly in 128 bits. */
    static boolean productAtLeast(long a, long b, long c, long d) {
        return compare128(Math.multiplyHigh(a, b), a * b, Math.multiplyHigh(c, d), c * d) >= 0;
    }

    /** Whether {@code a·b > c·d} for non-negative longs, compared exactly in 128 bits. */
    static boolean productAbove(long a, long b, long c, long d) {
        return compare128(Math.multiplyHigh(a, b), a * b, Math.multiplyHigh(c, d), c * d) > 0;
    }

    /**
     * Rounds exact shares to micro-units so that they add up to {@code target}: each share is floored,
     * and the units still missing go one each to the largest remainders (ties: lower index first).
     *
     * @param numerators the shares are {@code numerators[i] / denominator} micro-units
     */
    static long[] apportion(BigInteger[] numerators, BigInteger denominator, long target) {
        int n = numerators.length;
        long[] out = new long[n];
        if (denominator.signum() == 0) {
            return out;
        }
        BigInteger[] remainders = new BigInteger[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = numerators[i].divideAndRemainder(denominator);
            out[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            sum += out[i];
        }
        giveRemainders(out, target - sum, i -> remainders[i], n);
        return out;
    }

    /**
     * Rounds fixed-point shares given in units of 2^-32 micro-unit to micro-units adding up to
     * {@code target}, by the same largest-remainder rule as {@link #apportion(BigInteger[], BigInteger, long)}.
     */
    static long[] apportionFixed32(long[] wholeMicros, long[] fraction32, long target) {
        int n = wholeMicros.length;
        long[] out = new long[n];
        long[] remainders = new long[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            out[i] = wholeMicros[i] + (fraction32[i] >>> 32);
            remainders[i] = fraction32[i] & 0xFFFF_FFFFL;
            sum += out[i];
        }
        giveRemainders(out, target - sum, i -> BigInteger.valueOf(remainders[i]), n);
        return out;
    }

    private static void giveRemainders(long[] out, long missing, IntFunction<BigInteger> rem, int n) {
        if (missing <= 0 || n == 0) {
            return;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = rem.apply(b).compareTo(rem.apply(a));
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (long k = 0; k < missing; k++) {
            out[order[(int) (k % n)]]++;
        }
    }
}
