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
        super("bad configuration: " + key + " = " + describe(value) + "; allowed: " + allowed);
        this.key = key;
    }

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
