package io.loadrank.slice;

/**
 * Numbers written with the digits that mean something: a share of 100 among 100,000 hosts is about
 * 0.001, and 17 digits of it (what {@code Double.toString} writes) cost bytes in every record and file
 * without telling anyone more. Plain decimal notation, never an exponent, no trailing zeros.
 */
public final class Decimals {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** Most decimals written: below 1e-15 of a value is 0 for every reader of a ranking. */
    static final int MAX_DECIMALS = 15;

    private Decimals() {}

    /**
     * {@code value} rounded to {@code digits} significant digits, e.g. 41.111 → {@code 41.11},
     * 0.00083334 → {@code 0.0008333}, 123456.7 → {@code 123457} (a whole number keeps all its digits).
     *
     * @throws IllegalArgumentException for NaN or an infinite value
     */
    public static String significant(double value, int digits) {
        checkFinite(value);
        if (value == 0) {
            return "0";
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(value)));
        return fixed(value, Math.max(0, digits - 1 - exponent));
    }

    /**
     * {@code value} rounded half up to at most {@code decimals} decimals (trailing zeros dropped):
     * {@code fixed(0.00833, 5)} is {@code 0.00833}, {@code fixed(41.1, 0)} is {@code 41}.
     */
    public static String fixed(double value, int decimals) {
        checkFinite(value);
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals >= 0, got " + decimals);
        }
        int places = Math.min(decimals, MAX_DECIMALS);
        double magnitude = Math.abs(value);
        if (magnitude * POWERS_OF_TEN[places] >= 9.0e18) {
            // beyond a long: no reader of a ranking sees such a number, but it must not break the format
            return new java.math.BigDecimal(value)
                    .setScale(places, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString();
        }
        long scaled = Math.round(magnitude * POWERS_OF_TEN[places]);
        if (scaled == 0) {
            return "0";
        }
        // drop trailing zeros of the decimals
        while (places > 0 && scaled % 10 == 0) {
            scaled /= 10;
            places--;
        }
        StringBuilder text = new StringBuilder(24);
        if (value < 0) {
            text.append('-');
        }
        String digits = Long.toString(scaled);
        if (places == 0) {
            return text.append(digits).toString();
        }
        int whole = digits.length() - places;
        if (whole <= 0) {
            text.append("0.");
            text.append("0".repeat(-whole));
            text.append(digits);
        } else {
            text.append(digits, 0, whole).append('.').append(digits, whole, digits.length());
        }
        return text.toString();
    }

    /**
     * How many decimals show about {@code digits} significant digits of {@code typical}: 3 digits of a
     * mean score of 0.0083 (12,000 hosts) need 5 decimals, of 0.5 need 3, of 41 need 1. 0 for a typical
     * value of 0 or below.
     */
    public static int decimalsFor(double typical, int digits) {
        if (!(typical > 0) || Double.isInfinite(typical)) {
            return 0;
        }
        int exponent = (int) Math.floor(Math.log10(typical));
        return Math.min(MAX_DECIMALS, Math.max(0, digits - 1 - exponent));
    }

    private static void checkFinite(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
    }
}
