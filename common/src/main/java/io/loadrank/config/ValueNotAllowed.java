package io.loadrank.config;

/**
 * The one wording of a refused value, {@code NAME = 'VALUE'; allowed: WHAT}, for every program's
 * configuration keys ({@link ConfigException}), the balancer's driver options and every command-line
 * option ({@code io.loadrank.cli.UsageException}). Text values are quoted, a missing one reads
 * {@code (missing)}, and values longer than 200 characters are cut.
 */
public final class ValueNotAllowed {

    private static final int MAX_SHOWN = 200;

    private ValueNotAllowed() {}

    /** {@code NAME = 'VALUE'; allowed: WHAT}. */
    public static String describe(String name, Object value, String allowed) {
        return name + " = " + shown(value) + "; allowed: " + allowed;
    }

    private static String shown(Object value) {
        if (value == null) {
            return "(missing)";
        }
        String text = String.valueOf(value);
        if (text.length() > MAX_SHOWN) {
            text = text.substring(0, MAX_SHOWN) + "...";
        }
        return value instanceof String ? "'" + text + "'" : text;
    }
}
