package io.loadrank.output;

import java.time.Instant;

/**
 * Formats epoch milliseconds exactly as {@link Instant#toString()} does for millisecond instants
 * ({@code 2026-11-22T10:15:02Z}, {@code 2026-11-22T10:15:02.250Z}), without its cost per call.
 *
 * <p>A ranking of 100,000 hosts carries 100,000 "last seen" times, almost all within the same
 * few seconds; {@code Instant.toString()} goes through {@code DateTimeFormatter} for each and was
 * a tenth of the emit time in a profile. This keeps the text of the last 64 distinct seconds
 * formatted (a ranking lists its hosts by load, so their seconds come in any order) and only appends
 * the milliseconds. Not thread-safe: one per writer.
 */
final class IsoInstants {

    private static final int SECONDS_KEPT = 64;

    /** Direct-mapped by second modulo 64: the seconds whose text is kept, and that text without the 'Z'. */
    private final long[] cachedSeconds = new long[SECONDS_KEPT];

    private final String[] cachedPrefixes = new String[SECONDS_KEPT];

    /** The text of {@code Instant.ofEpochMilli(epochMillis).toString()}. */
    String format(long epochMillis) {
        char[] text = new char[MAX_LENGTH];
        return new String(text, 0, write(epochMillis, text, 0));
    }

    /** The longest text {@link #write} writes (a year beyond 9999 has more digits and a sign). */
    static final int MAX_LENGTH = 40;

    /**
     * Writes the text of {@code Instant.ofEpochMilli(epochMillis).toString()} into {@code out} at
     * {@code at}, which must have {@link #MAX_LENGTH} chars of room; returns the position after it.
     * No String per call: the JSON writer puts it straight into its block.
     */
    int write(long epochMillis, char[] out, int at) {
        long second = Math.floorDiv(epochMillis, 1000);
        int millis = (int) Math.floorMod(epochMillis, 1000);
        int slot = (int) (second & (SECONDS_KEPT - 1));
        String prefix = cachedPrefixes[slot];
        if (prefix == null || cachedSeconds[slot] != second) {
            String full = Instant.ofEpochSecond(second).toString();
            // "....:SSZ": everything but the zone letter is the per-second prefix
            prefix = full.substring(0, full.length() - 1);
            cachedPrefixes[slot] = prefix;
            cachedSeconds[slot] = second;
        }
        prefix.getChars(0, prefix.length(), out, at);
        at += prefix.length();
        if (millis != 0) {
            out[at++] = '.';
            out[at++] = (char) ('0' + millis / 100);
            out[at++] = (char) ('0' + millis / 10 % 10);
            out[at++] = (char) ('0' + millis % 10);
        }
        out[at++] = 'Z';
        return at;
    }
}
