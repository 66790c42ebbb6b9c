package io.loadrank.cli;

import java.util.Collection;
import java.util.Locale;

/**
 * The checks of option values that more than one program needs. Each returns the value or throws
 * {@link UsageException#invalidValue} naming the option, the value and what is allowed.
 */
public final class OptionValues {

    private OptionValues() {}

    /** {@code value}, if it is from {@code min} to {@code max}. */
    public static long inRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw UsageException.invalidValue(option, value, wholeNumbers(min, max));
        }
        return value;
    }

    /** The whole number {@code text} (surrounding blanks allowed), if it is from {@code min} to {@code max}. */
    public static long wholeNumber(String option, String text, long min, long max) {
        try {
            return inRange(option, Long.parseLong(text.trim()), min, max);
        } catch (NumberFormatException e) {
            throw UsageException.invalidValue(option, text, wholeNumbers(min, max));
        }
    }

    /** {@code value}, if it is one of {@code allowed} (compared as given). */
    public static String oneOf(String option, String value, Collection<String> allowed) {
        if (!allowed.contains(value)) {
            throw UsageException.invalidValue(option, value, "one of " + allowed);
        }
        return value;
    }

    private static String wholeNumbers(long min, long max) {
        if (max == Long.MAX_VALUE) {
            return min == Long.MIN_VALUE ? "a whole number" : String.format(Locale.ROOT, "a whole number from %d", min);
        }
        return String.format(Locale.ROOT, "a whole number from %d to %d", min, max);
    }
}
