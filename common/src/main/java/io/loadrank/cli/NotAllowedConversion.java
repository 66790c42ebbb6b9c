package io.loadrank.cli;

import picocli.CommandLine.TypeConversionException;

/**
 * A converter's refusal that says only what is allowed; {@link Cli} names the option and the value,
 * so that a value picocli converts is refused in the same words as one a program checks itself
 * ({@link UsageException#invalidValue}).
 */
public final class NotAllowedConversion extends TypeConversionException {

    private static final long serialVersionUID = 1L;

    private final String allowed;

    public NotAllowedConversion(String value, String allowed) {
        super("'" + value + "' is not " + allowed);
        this.allowed = allowed;
    }

    /** What the option takes, e.g. "a whole number". */
    public String allowed() {
        return allowed;
    }
}
