package io.loadrank.producer;

/** A configuration value that the producer refuses; the message names the key, the value and what is allowed. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String key, String value, String allowed) {
        super("bad configuration: " + key + " = '" + value + "': " + allowed);
    }

    public ConfigException(String message) {
        super("bad configuration: " + message);
    }
}
