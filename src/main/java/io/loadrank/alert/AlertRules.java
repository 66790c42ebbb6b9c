package io.loadrank.alert;

import io.loadrank.config.ConfigException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of {@code loadrank.alerts} (docs/ALERTS.md): read and checked from the configuration's
 * list of maps, and written back in the same form. A bad rule fails at start with the key of the
 * field ({@code loadrank.alerts[2].above}), the value and what is allowed.
 */
public final class AlertRules implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final String NAME_ALLOWED = "1-64 of letters, digits, '.', '_', '-', unique among the rules";
    public static final String ALLOWED = "a list of rules, each a map with name, when ("
            + AlertKind.labels() + "), above (for score, dcScore, average, topicAverage), topic (for average, "
            + "topicAverage), for.secs, clear.secs";
    static final Set<String> FIELDS = Set.of("name", "when", "topic", "above", "for.secs", "clear.secs");
    static final int MAX_SECS = 86_400;
    static final int DEFAULT_FOR_SECS = 10;
    static final int DEFAULT_CLEAR_SECS = 10;

    private final List<AlertRule> rules;

    public AlertRules(List<AlertRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static AlertRules none() {
        return new AlertRules(List.of());
    }

    public List<AlertRule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Reads the rules from {@code raw}, the value of {@code key}: a list of maps.
     *
     * @return null when {@code raw} is not a list at all (the caller names the key and what is allowed)
     * @throws ConfigException naming the field of the first bad rule
     */
    public static AlertRules parse(String key, Object raw) {
        if (!(raw instanceof Collection<?> list)) {
            return null;
        }
        List<AlertRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (Object item : list) {
            String prefix = key + "[" + index++ + "]";
            if (!(item instanceof Map<?, ?> fields)) {
                throw new ConfigException(prefix, item, "a map with " + FIELDS);
            }
            for (Object field : fields.keySet()) {
                if (!FIELDS.contains(String.valueOf(field))) {
                    throw new ConfigException(prefix + "." + field, fields.get(field), "only the fields " + FIELDS);
                }
            }
            Object nameValue = fields.get("name");
            String name = nameValue == null ? null : String.valueOf(nameValue).trim();
            if (name == null || !NAME.matcher(name).matches() || !names.add(name)) {
                throw new ConfigException(prefix + ".name", nameValue, NAME_ALLOWED);
            }
            Object whenValue = fields.get("when");
            AlertKind kind = whenValue == null
                    ? null
                    : AlertKind.byLabel(String.valueOf(whenValue).trim());
            if (kind == null) {
                throw new ConfigException(prefix + ".when", whenValue, "one of " + AlertKind.labels());
            }
            double threshold = Double.NaN;
            if (kind.hasThreshold()) {
                threshold = number(prefix + ".above", fields.get("above"));
            } else if (fields.containsKey("above")) {
                throw new ConfigException(
                        prefix + ".above", fields.get("above"), "no threshold for when: " + kind.label());
            }
            String topic = null;
            if (kind.hasTopic()) {
                Object topicValue = fields.get("topic");
                topic = topicValue == null ? "" : String.valueOf(topicValue).trim();
                if (topic.isEmpty()) {
                    throw new ConfigException(prefix + ".topic", topicValue, "one of the topics of loadrank.topics");
                }
            } else if (fields.containsKey("topic")) {
                throw new ConfigException(
                        prefix + ".topic", fields.get("topic"), "a topic only for when: average or topicAverage");
            }
            int defaultFor = kind == AlertKind.STALE ? 0 : DEFAULT_FOR_SECS;
            long forMillis = seconds(prefix + ".for.secs", fields.get("for.secs"), defaultFor) * 1000L;
            long clearMillis = seconds(prefix + ".clear.secs", fields.get("clear.secs"), DEFAULT_CLEAR_SECS) * 1000L;
            rules.add(new AlertRule(name, kind, topic, threshold, forMillis, clearMillis));
        }
        return new AlertRules(rules);
    }

    /**
     * Checks that every average rule names one of {@code topics}.
     *
     * @throws ConfigException naming the rule's topic field
     */
    public void checkTopics(String key, List<String> topics) {
        for (int i = 0; i < rules.size(); i++) {
            AlertRule rule = rules.get(i);
            if (rule.topic() != null && !topics.contains(rule.topic())) {
                throw new ConfigException(key + "[" + i + "].topic", rule.topic(), "one of the topics " + topics);
            }
        }
    }

    /** The rules as configuration values again: reading them back gives the same rules. */
    public List<Map<String, Object>> asConfig() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (AlertRule rule : rules) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", rule.name());
            fields.put("when", rule.kind().label());
            if (rule.topic() != null) {
                fields.put("topic", rule.topic());
            }
            if (rule.kind().hasThreshold()) {
                fields.put("above", rule.threshold());
            }
            fields.put("for.secs", (int) (rule.forMillis() / 1000));
            fields.put("clear.secs", (int) (rule.clearMillis() / 1000));
            list.add(fields);
        }
        return Collections.unmodifiableList(list);
    }

    private static double number(String key, Object raw) {
        double number;
        try {
            number = raw instanceof Number n
                    ? n.doubleValue()
                    : Double.parseDouble(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        if (raw == null || !Double.isFinite(number)) {
            throw new ConfigException(key, raw, "a finite number");
        }
        return number;
    }

    private static int seconds(String key, Object raw, int defaultValue) {
        if (raw == null || raw instanceof String text && text.isBlank()) {
            return defaultValue;
        }
        String text = String.valueOf(raw).trim();
        if ((raw instanceof Integer || raw instanceof Long || raw instanceof String) && text.matches("\\d{1,9}")) {
            int secs = Integer.parseInt(text);
            if (secs <= MAX_SECS) {
                return secs;
            }
        }
        throw new ConfigException(key, raw, "a whole number of seconds from 0 to " + MAX_SECS);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AlertRules that && rules.equals(that.rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return rules.toString();
    }
}
