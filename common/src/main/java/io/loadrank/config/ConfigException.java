package io.loadrank.config;

/** A configuration value that loadrank cannot run with; the message names key, value and what is allowed. */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Stands for a value that may be a credential (Kafka client properties): messages show "(hidden)". */
    public static final Object HIDDEN = new Object() {
        @Override
        public String toString() {
            return "(hidden)";
        }
    };

    private final String key;

    public ConfigException(String key, Object value, String allowed) {
        this(key, ValueNotAllowed.describe(key, value, allowed));
    }

    private ConfigException(String key, String message) {
        super(message(message));
        this.key = key;
    }

    /**
     * The message of a refused configuration value, {@code bad configuration: KEY = 'VALUE'; allowed: WHAT}:
     * for exceptions of other types that must read the same (the balancer's driver options).
     */
    public static String message(String key, Object value, String allowed) {
        return message(ValueNotAllowed.describe(key, value, allowed));
    }

    private static String message(String refusal) {
        return "bad configuration: " + refusal;
    }

    /** A refusal that is about no single value (an unknown key, bad usage); {@link #key()} is null. */
    public static ConfigException usage(String message) {
        return new ConfigException(null, message);
    }

    /** The refused key; null for {@link #usage} refusals. */
    public String key() {
        return key;
    }
}
