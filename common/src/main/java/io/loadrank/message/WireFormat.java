package io.loadrank.message;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one wire format of loadrank (docs/MESSAGES.md), used by every producer to write and by the
 * topology to read. A Kafka record value is UTF-8 text:
 *
 * <pre>
 *   host,value               cass-eu-1.example.org,55
 *   host,value,epochMillis   cass-eu-1.example.org,55.25,1763800000000
 * </pre>
 *
 * <p>The record key is the host name. Without the third field the sample time is the Kafka
 * record's timestamp, which the caller passes as the fallback.
 *
 * <p>Parsing is written by hand, without regular expressions or splitting, because the topology
 * parses every message it ingests (hundreds of thousands a second for a large fleet).
 */
public final class WireFormat {

    /** Longest accepted message: a maximal host name, a long value and a timestamp fit easily. */
    public static final int MAX_MESSAGE_CHARS = 512;

    /** Longest host name (the DNS limit). */
    public static final int MAX_HOST_CHARS = 253;

    /** Fractional digits the encoder writes; more than any metric of loadrank needs. */
    static final int ENCODED_FRACTION_DIGITS = 6;

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private WireFormat() {}

    // ------------------------------------------------------------------------------------------
    // encoding

    /**
     * Encodes a sample as {@code host,value,epochMillis}.
     *
     * @throws IllegalArgumentException if the host is not valid, the value is negative, NaN or
     *                                  infinite, or the timestamp is not positive: a producer must
     *                                  never put a message on the wire that the topology rejects
     */
    public static String encode(String host, double value, long timestampMillis) {
        StringBuilder out = new StringBuilder(host.length() + 32);
        appendEncoded(out, host, value, timestampMillis);
        return out.toString();
    }

    /** Encodes a sample; see {@link #encode(String, double, long)}. */
    public static String encode(Sample sample) {
        return encode(sample.host(), sample.value(), sample.timestampMillis());
    }

    /**
     * Appends the encoded sample to {@code out}, for callers that build many messages and reuse
     * one buffer (the host simulator).
     */
    public static void appendEncoded(StringBuilder out, String host, double value, long timestampMillis) {
        if (!isValidHost(host)) {
            throw new IllegalArgumentException("not a valid host name for the wire: '" + host + "' (1-" + MAX_HOST_CHARS
                    + " letters, digits, '.', '-', '_', ':')");
        }
        if (timestampMillis <= 0) {
            throw new IllegalArgumentException(
                    "sample time must be positive epoch milliseconds, got " + timestampMillis);
        }
        out.append(host).append(',');
        appendValue(out, value);
        out.append(',').append(timestampMillis);
    }

    /**
     * Appends a value as a plain decimal (never in exponent notation), rounded to
     * {@value #ENCODED_FRACTION_DIGITS} fractional digits, without trailing zeros.
     */
    static void appendValue(StringBuilder out, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("value must be finite and >= 0, got " + value);
        }
        long scale = POWERS_OF_TEN[ENCODED_FRACTION_DIGITS];
        if (value < 1e12) {
            long scaled = Math.round(value * scale);
            long whole = scaled / scale;
            long fraction = scaled % scale;
            out.append(whole);
            if (fraction != 0) {
                int digits = ENCODED_FRACTION_DIGITS;
                while (fraction % 10 == 0) {
                    fraction /= 10;
                    digits--;
                }
                out.append('.');
                for (long limit = POWERS_OF_TEN[digits - 1]; limit > fraction; limit /= 10) {
                    out.append('0');
                }
                out.append(fraction);
            }
            return;
        }
        // too large for the fast path without losing digits: let BigDecimal do it
        out.append(BigDecimal.valueOf(value)
                .setScale(ENCODED_FRACTION_DIGITS, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString());
    }

    // ------------------------------------------------------------------------------------------
    // parsing

    /**
     * Parses one message.
     *
     * @param message               the record value, or null for a record without one
     * @param fallbackTimestampMillis the sample time to use when the message has no third field
     *                              (the Kafka record's timestamp)
     */
    public static ParseResult parse(CharSequence message, long fallbackTimestampMillis) {
        if (message == null) {
            return malformed(MalformedReason.NOT_TEXT, "record has no value");
        }
        int length = message.length();
        if (length > MAX_MESSAGE_CHARS) {
            return malformed(MalformedReason.OVERSIZED, length + " characters, at most " + MAX_MESSAGE_CHARS);
        }
        ParseResult result = parseText(message, fallbackTimestampMillis);
        // an unpaired surrogate is no text (WireTextDeserializer puts one for each byte that is not
        // UTF-8); no field accepts one, so only a rejected message needs the look
        if (result instanceof ParseResult.Malformed && hasUnpairedSurrogate(message)) {
            return malformed(MalformedReason.NOT_TEXT, "not UTF-8 text");
        }
        return result;
    }

    private static boolean hasUnpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static ParseResult parseText(CharSequence message, long fallbackTimestampMillis) {
        int length = message.length();
        // tolerate the line ending and padding that console producers add around a message
        int start = 0;
        int end = length;
        while (start < end && isPadding(message.charAt(start))) {
            start++;
        }
        while (end > start && isPadding(message.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return malformed(MalformedReason.EMPTY, "no text");
        }

        int firstComma = indexOf(message, ',', start, end);
        if (firstComma < 0) {
            return malformed(MalformedReason.WRONG_FIELD_COUNT, "1 field, expected host,value[,epochMillis]");
        }
        int secondComma = indexOf(message, ',', firstComma + 1, end);
        int valueEnd = secondComma < 0 ? end : secondComma;
        if (secondComma >= 0 && indexOf(message, ',', secondComma + 1, end) >= 0) {
            return malformed(
                    MalformedReason.WRONG_FIELD_COUNT,
                    countFields(message, start, end) + " fields, expected host,value[,epochMillis]");
        }

        if (!isValidHost(message, start, firstComma)) {
            return malformed(
                    MalformedReason.BAD_HOST,
                    "host field '" + printable(message, start, firstComma) + "' is not 1-" + MAX_HOST_CHARS
                            + " letters, digits, '.', '-', '_', ':'");
        }

        double value = parseDecimal(message, firstComma + 1, valueEnd);
        if (Double.isNaN(value)) {
            return malformedValue(message, firstComma + 1, valueEnd);
        }
        if (Double.isInfinite(value)) {
            return malformed(
                    MalformedReason.NOT_FINITE,
                    "value '" + printable(message, firstComma + 1, valueEnd) + "' is too large to be finite");
        }

        long timestamp = fallbackTimestampMillis;
        if (secondComma >= 0) {
            timestamp = parseEpochMillis(message, secondComma + 1, end);
            if (timestamp <= 0) {
                return malformed(
                        MalformedReason.BAD_TIMESTAMP,
                        "sample time '" + printable(message, secondComma + 1, end)
                                + "' is not positive epoch milliseconds");
            }
        }
        String host = message.subSequence(start, firstComma).toString();
        return new ParseResult.Valid(new Sample(host, value, timestamp));
    }

    /** True if {@code host} may be used as a host name: 1-253 letters, digits, '.', '-', '_', ':'. */
    public static boolean isValidHost(CharSequence host) {
        return host != null && isValidHost(host, 0, host.length());
    }

    private static boolean isValidHost(CharSequence text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_HOST_CHARS) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '-'
                    || c == '_'
                    || c == ':';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses {@code digits[.digits]} into a double; NaN when the text is not of that form (the
     * caller then finds out why), infinity when it overflows. Correctly rounded: up to 15
     * significant digits the mantissa is below 2^53 and every power of ten up to 10^18 is an exact
     * double, so the one division rounds once; longer numbers go to
     * {@link Double#parseDouble(String)}.
     */
    static double parseDecimal(CharSequence text, int from, int to) {
        if (from >= to) {
            return Double.NaN;
        }
        long mantissa = 0;
        int significantDigits = 0;
        int fractionDigits = 0;
        boolean seenPoint = false;
        boolean seenDigitBeforePoint = false;
        boolean seenDigitAfterPoint = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (seenPoint) {
                    seenDigitAfterPoint = true;
                } else {
                    seenDigitBeforePoint = true;
                }
                if (significantDigits > 0 || c != '0') {
                    significantDigits++;
                }
                if (significantDigits > 15) {
                    return parseLongDecimal(text, from, to);
                }
                mantissa = mantissa * 10 + (c - '0');
                if (seenPoint) {
                    fractionDigits++;
                }
            } else if (c == '.' && !seenPoint) {
                seenPoint = true;
            } else {
                return Double.NaN;
            }
        }
        if (!seenDigitBeforePoint || (seenPoint && !seenDigitAfterPoint)) {
            return Double.NaN;
        }
        if (fractionDigits == 0) {
            return mantissa;
        }
        if (fractionDigits >= POWERS_OF_TEN.length) {
            return parseLongDecimal(text, from, to);
        }
        return mantissa / (double) POWERS_OF_TEN[fractionDigits];
    }

    private static double parseLongDecimal(CharSequence text, int from, int to) {
        // the digits were checked by the caller up to this point; Double.parseDouble accepts more
        // forms (exponents, hex) than the wire allows, so the form is checked first
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.') {
                return Double.NaN;
            }
        }
        return Double.parseDouble(text.subSequence(from, to).toString());
    }

    private static ParseResult malformedValue(CharSequence message, int from, int to) {
        String field = printable(message, from, to);
        String plain = message.subSequence(from, to).toString().trim();
        if (plain.equalsIgnoreCase("nan") || plain.matches("[+-]?(?i:inf|infinity)")) {
            return malformed(MalformedReason.NOT_FINITE, "value '" + field + "' is not finite");
        }
        if (plain.startsWith("-") && !Double.isNaN(parseDecimal(plain, 1, plain.length()))) {
            return malformed(MalformedReason.NEGATIVE, "value '" + field + "' is negative");
        }
        return malformed(MalformedReason.BAD_NUMBER, "value '" + field + "' is not a decimal number");
    }

    /** Parses a positive decimal long; -1 if the text is not one. */
    private static long parseEpochMillis(CharSequence text, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long result = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    private static boolean isPadding(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static int indexOf(CharSequence text, char wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int countFields(CharSequence text, int from, int to) {
        int fields = 1;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ',') {
                fields++;
            }
        }
        return fields;
    }

    /**
     * A field as it may appear in a log line: at most 64 characters, with control and non-ASCII
     * characters escaped, so that hostile input cannot forge log lines.
     */
    public static String printable(CharSequence text, int from, int to) {
        StringBuilder out = new StringBuilder(Math.min(to - from, 64) + 8);
        for (int i = from; i < to && i < from + 64; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (to - from > 64) {
            out.append("...");
        }
        return out.toString();
    }

    private static ParseResult malformed(MalformedReason reason, String detail) {
        return new ParseResult.Malformed(reason, detail);
    }
}
