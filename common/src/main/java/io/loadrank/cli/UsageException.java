package io.loadrank.cli;

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
     * A value that an option does not take, worded as picocli words its own conversion errors, so
     * that every bad value reads the same: {@code Invalid value for option '--hosts': '0' is not a
     * whole number from 1 to 10000000}.
     *
     * @param expected what the option takes, e.g. "a whole number from 1 to 10" or "one of [a, b]"
     */
    public static UsageException invalidValue(String option, Object value, String expected) {
        return new UsageException("Invalid value for option '" + option + "': '" + value + "' is not " + expected);
    }
}
