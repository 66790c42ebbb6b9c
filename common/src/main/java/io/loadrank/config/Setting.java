package io.loadrank.config;

import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One configuration key, defined once: its name, its default, what values it allows (checked by
 * {@link #read}) and a one-line description. Programs list their settings as constants of these;
 * the configuration tables of docs/CONFIGURATION.md are rendered from the same constants ({@link SettingsTable})
 * and checked against them by a test, so documentation and code cannot drift apart.
 *
 * <p>A missing key, or one set to blank text, takes the default.
 *
 * @param <T> the value's type after checking
 */
public final class Setting<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Turns a raw configuration value (never null or blank) into a checked value, or refuses it. */
    @FunctionalInterface
    public interface Check<T> extends Serializable {
        /** The checked value; null when the value is not allowed. */
        T apply(Object raw);
    }

    /** Builds the exception for a value a setting refuses: the wording is the program's. */
    @FunctionalInterface
    public interface Refusal {
        ConfigException of(String key, Object value, String allowed);
    }

    private final String key;
    private final T defaultValue;
    private final String defaultText;
    private final String allowed;
    private final String description;
    private final Check<T> check;
    /** Blank text turns the feature off (the value is null) instead of taking the default. */
    private final boolean blankMeansNone;

    private Setting(
            String key,
            T defaultValue,
            String defaultText,
            String allowed,
            String description,
            Check<T> check,
            boolean blankMeansNone) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.allowed = allowed;
        this.description = description;
        this.check = check;
        this.blankMeansNone = blankMeansNone;
    }

    /** A setting with a check of its own; {@code defaultText} is how the default reads in the docs. */
    public static <T> Setting<T> of(
            String key, T defaultValue, String defaultText, String allowed, String description, Check<T> check) {
        return new Setting<>(key, defaultValue, defaultText, allowed, description, check, false);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Setting<Integer> integer(String key, int defaultValue, int min, int max, String description) {
        String allowed = "a whole number from " + min + " to " + max;
        return of(key, defaultValue, "`" + defaultValue + "`", allowed, description, raw -> {
            long number;
            if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
                number = ((Number) raw).longValue();
            } else if (raw instanceof String text && text.trim().matches("-?\\d{1,18}")) {
                number = Long.parseLong(text.trim());
            } else {
                return null;
            }
            return number < min || number > max ? null : (int) number;
        });
    }

    /** {@code true} or {@code false}. */
    public static Setting<Boolean> bool(String key, boolean defaultValue, String description) {
        return of(key, defaultValue, "`" + defaultValue + "`", "true or false", description, raw -> {
            if (raw instanceof Boolean flag) {
                return flag;
            }
            String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
            return text.equals("true") || text.equals("false") ? Boolean.parseBoolean(text) : null;
        });
    }

    /** Text matching {@code pattern} (numbers are read as their text), trimmed. */
    public static Setting<String> text(
            String key, String defaultValue, Pattern pattern, String allowed, String description) {
        return of(key, defaultValue, "`" + defaultValue + "`", allowed, description, raw -> {
            String text = String.valueOf(raw).trim();
            return (raw instanceof String || raw instanceof Number)
                            && pattern.matcher(text).matches()
                    ? text
                    : null;
        });
    }

    /** One of {@code choices}, case-insensitive, read in upper case. */
    public static Setting<String> oneOf(String key, String defaultValue, Set<String> choices, String description) {
        return of(key, defaultValue, "`" + defaultValue + "`", "one of " + new TreeSet<>(choices), description, raw -> {
            String text = String.valueOf(raw).trim().toUpperCase(Locale.ROOT);
            return choices.contains(text) ? text : null;
        });
    }

    /** A Kafka topic name ({@link TopicNames}), trimmed. */
    public static Setting<String> topic(String key, String defaultValue, String description) {
        return text(
                key, defaultValue, TopicNames.PATTERN, "a Kafka topic name (" + TopicNames.ALLOWED + ")", description);
    }

    /**
     * A Kafka topic name, or empty text for none: then the value is null and the feature is off.
     * {@code defaultValue} may be null (off unless set).
     */
    public static Setting<String> optionalTopic(String key, String defaultValue, String description) {
        String defaultText = defaultValue == null ? "empty (off)" : "`" + defaultValue + "`";
        return new Setting<>(
                key,
                defaultValue,
                defaultText,
                "a Kafka topic name (" + TopicNames.ALLOWED + "), or empty for none",
                description,
                raw -> {
                    String text = String.valueOf(raw).trim();
                    return TopicNames.isValid(text) ? text : null;
                },
                true);
    }

    /**
     * A map of single values, e.g. Kafka client properties; the map's keys are named in errors, its
     * values never: they may be credentials (sasl.jaas.config, ssl passwords), so errors show
     * {@link ConfigException#HIDDEN}.
     */
    public static Setting<Map<String, String>> stringMap(String key, String allowed, String description) {
        return of(key, Map.of(), "`{}`", allowed, description, raw -> {
            if (!(raw instanceof Map<?, ?> entries)) {
                throw new ConfigException(key, ConfigException.HIDDEN, allowed);
            }
            LinkedHashMap<String, String> map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                if (entry.getKey() == null
                        || entry.getValue() == null
                        || entry.getValue() instanceof Map
                        || entry.getValue() instanceof Collection) {
                    throw new ConfigException(
                            key + "." + entry.getKey(), ConfigException.HIDDEN, "a single property value");
                }
                map.put(String.valueOf(entry.getKey()), String.valueOf(entry.getValue()));
            }
            return map;
        });
    }

    /**
     * The value of this setting in {@code conf}: the default when the key is missing or blank.
     *
     * @throws ConfigException naming the key, the value and what is allowed
     */
    public T read(Map<String, ?> conf) {
        Object raw = conf.get(key);
        if (raw == null || raw instanceof String text && text.isBlank()) {
            return blankMeansNone && raw != null ? null : defaultValue;
        }
        return accept(raw, ConfigException::new);
    }

    /**
     * Checks a value that is present (blank text included: a program with its own rule for blank
     * values applies it first), without taking the default.
     *
     * @param refusal builds the exception when the value is not allowed
     */
    public T accept(Object raw, Refusal refusal) {
        T value = raw == null ? null : check.apply(raw);
        if (value == null) {
            throw refusal.of(key, raw, allowed);
        }
        return value;
    }

    /**
     * The value as it goes back into a configuration map, so that reading it again gives the same
     * value (null, for a feature that is off, becomes empty text).
     */
    public Object configValue(T value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>(map);
        }
        return value;
    }

    /** Fails with this setting's key, the value and a reason of the caller's (a rule between settings). */
    public ConfigException refuse(Object value, String allowedHere) {
        return new ConfigException(key, value, allowedHere);
    }

    public String key() {
        return key;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The default as the docs show it (Markdown). */
    public String defaultText() {
        return defaultText;
    }

    /** What values are allowed, in words (also the end of every refusal). */
    public String allowed() {
        return allowed;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return key;
    }
}
