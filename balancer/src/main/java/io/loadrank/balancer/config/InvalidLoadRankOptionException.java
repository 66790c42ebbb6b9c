package io.loadrank.balancer.config;

/** A balancer option with a value that is not allowed; the message names the key, the value and what is allowed. */
public final class InvalidLoadRankOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidLoadRankOptionException(LoadRankOption option, String value) {
        this(option, value, option.allowed(), null);
    }

    public InvalidLoadRankOptionException(LoadRankOption option, String value, String allowed, Throwable cause) {
        super(option.getPath() + " = " + value + " is not allowed: it must be " + allowed, cause);
    }
}
