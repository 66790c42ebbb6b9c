package io.loadrank.cli;

import io.loadrank.config.ValueNotAllowed;

/**
 * A command line that a program cannot run with: an unknown option, a missing or bad value. The
 * message says what is wrong in one line, naming the option and the value; {@link Cli} prints it
 * and exits with {@link Cli#EXIT_USAGE}.
 *
 * <p>An {@link IllegalArgumentException}, so that code which checks a value after parsing can
 * throw it without knowing about picocli.
 */
public final class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A value that an option does not take, worded as every refused value is ({@link ValueNotAllowed}):
     * {@code --hosts = '0'; allowed: a whole number from 1 to 10000000}. Values picocli converts are
     * refused the same way ({@link NotAllowedConversion}).
     *
     * @param expected what the option takes, e.g. "a whole number from 1 to 10" or "one of [a, b]"
     */
    public static UsageException invalidValue(String option, Object value, String expected) {
        return new UsageException(ValueNotAllowed.describe(option, String.valueOf(value), expected));
    }
}
