package io.loadrank.message;

/**
 * Why a message is not a valid sample (docs/MESSAGES.md). Each reason is counted on its own, so
 * that an operator can tell a misconfigured producer (wrong field count) from a broken one
 * (NaN values) from hostile input (bad host names).
 */
public enum MalformedReason {
    /** Nothing but white space. */
    EMPTY,
    /** Longer than {@link WireFormat#MAX_MESSAGE_CHARS}. */
    OVERSIZED,
    /** Not two or three comma-separated fields. */
    WRONG_FIELD_COUNT,
    /** The host field is empty, too long, or has a character outside letters, digits and {@code . - _ :}. */
    BAD_HOST,
    /** The value field is not a decimal number. */
    BAD_NUMBER,
    /** The value is NaN or infinite (or too large to be finite). */
    NOT_FINITE,
    /** The value is below zero. */
    NEGATIVE,
    /** The third field is not a positive whole number of epoch milliseconds. */
    BAD_TIMESTAMP,
    /** The record has no value at all (a Kafka tombstone), or it is not UTF-8 text. */
    NOT_TEXT;

    /** The name used in counters, logs and output files, e.g. {@code wrongFieldCount}. */
    public String label() {
        String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder label = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            label.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
        }
        return label.toString();
    }
}
