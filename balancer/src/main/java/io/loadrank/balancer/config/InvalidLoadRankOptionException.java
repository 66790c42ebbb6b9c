package io.loadrank.balancer.config;

import io.loadrank.config.ConfigException;

/**
 * A balancer option with a value that is not allowed; the message names the key, the value and what is
 * allowed, in the words of every other refused configuration value ({@link ConfigException#message}).
 */
public final class InvalidLoadRankOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidLoadRankOptionException(LoadRankOption option, String value) {
        this(option, value, option.allowed(), null);
    }

    public InvalidLoadRankOptionException(LoadRankOption option, String value, String allowed, Throwable cause) {
        super(ConfigException.message(option.getPath(), value, allowed), cause);
    }
}
