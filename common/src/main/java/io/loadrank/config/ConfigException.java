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
        this(key, key + " = " + describe(value) + "; allowed: " + allowed);
    }

    private ConfigException(String key, String message) {
        super("bad configuration: " + message);
        this.key = key;
    }

    /**
     * A refusal worded as a requirement, {@code KEY = 'VALUE': must ...}: the JMX producer's wording
     * since its first release, which its operators' alerts and runbooks match on.
     *
     * @param requirement what the value must be, e.g. "must be a whole number from 1 to 65535"
     */
    public static ConfigException requirement(String key, Object value, String requirement) {
        return new ConfigException(key, key + " = '" + (value == null ? "" : value) + "': " + requirement);
    }

    /** A refusal that is about no single value (an unknown key, bad usage); {@link #key()} is null. */
    public static ConfigException usage(String message) {
        return new ConfigException(null, message);
    }

    /** The refused key; null for {@link #usage} refusals. */
    public String key() {
        return key;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "(missing)";
        }
        String text = String.valueOf(value);
        if (text.length() > 200) {
            text = text.substring(0, 200) + "...";
        }
        return value instanceof String ? "'" + text + "'" : text;
    }
}
