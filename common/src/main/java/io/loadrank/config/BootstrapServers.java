package io.loadrank.config;

import java.util.regex.Pattern;

/**
 * The one rule for a Kafka bootstrap-servers value, shared by every program that takes one (topology,
 * producer, simulator, balancer, web view): a comma-separated list of {@code host:port}, white space
 * around an entry allowed (Kafka's client trims each entry), a port of 1 to 5 digits.
 */
public final class BootstrapServers {

    /** What a bootstrap-servers value may be. */
    public static final Pattern PATTERN = Pattern.compile("\\s*[^,\\s]+:\\d{1,5}\\s*(,\\s*[^,\\s]+:\\d{1,5}\\s*)*");
    /** What a bootstrap-servers value may be, in words (also the end of every refusal). */
    public static final String ALLOWED = "host:port[,host:port...]";

    private BootstrapServers() {}

    /** Whether {@code text} is a bootstrap-servers value; null is not. */
    public static boolean isValid(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }

    /** A configuration key that holds a bootstrap-servers value. */
    public static Setting<String> setting(String key, String defaultValue, String description) {
        return Setting.text(key, defaultValue, PATTERN, ALLOWED, description);
    }
}
