package io.loadrank.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one rule for what loadrank never prints: the value of any configuration key that names a password,
 * a secret, a key, a credential or a token, and {@code sasl.jaas.config} (which holds the password of a SASL
 * login). Every place that logs or prints configuration (start-up lines, {@code --help} defaults, error
 * messages) shows such a value as {@value #HIDDEN}.
 *
 * <p>The rule errs on the side of hiding: {@code ssl.keystore.location} is hidden as well, while the
 * serializer classes ({@code key.serializer}) are not, because their names only mean a record's key.
 * Values read from files or the environment through Kafka's config providers ({@code ${file:path:key}})
 * are placeholders, and stay hidden all the same.
 */
public final class Secrets {

    /** What a hidden value reads as. */
    public static final String HIDDEN = "(hidden)";

    private static final String[] SECRET_WORDS = {"password", "secret", "sasl.jaas.config", "credential", "token"};

    private Secrets() {}

    /** True if the value of {@code key} may be a secret and must never be printed. */
    public static boolean isSecret(String key) {
        if (key == null) {
            return false;
        }
        String name = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (name.contains(word)) {
                return true;
            }
        }
        return name.contains("key") && !name.endsWith("serializer");
    }

    /** {@code value} as it may be printed for {@code key}: {@value #HIDDEN} for a secret, else its text. */
    public static String shown(String key, Object value) {
        if (isSecret(key)) {
            return HIDDEN;
        }
        return String.valueOf(value);
    }

    /** A copy of {@code config} (sorted by key) that may be printed: secret values replaced by {@value #HIDDEN}. */
    public static Map<String, String> redacted(Map<?, ?> config) {
        Map<String, String> shown = new TreeMap<>();
        config.forEach((key, value) -> shown.put(String.valueOf(key), shown(String.valueOf(key), value)));
        return shown;
    }

    /** {@code config} as one printable line, {@code {name=value, sasl.jaas.config=(hidden)}}. */
    public static String describe(Map<?, ?> config) {
        return redacted(config).toString();
    }
}
