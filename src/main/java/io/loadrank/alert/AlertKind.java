package io.loadrank.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a rule watches (docs/ALERTS.md), by the name a rule's {@code when} gives it. */
public enum AlertKind {
    /** A host's fleet-wide score above a threshold. */
    SCORE("score", true),
    /** A host's score within its datacenter above a threshold. */
    DC_SCORE("dcScore", true),
    /** A host's window average on one topic above a threshold. */
    AVERAGE("average", true),
    /** The mean of the window averages of every ranked host on one topic above a threshold. */
    TOPIC_AVERAGE("topicAverage", true),
    /** A host listed as stale. */
    STALE("stale", false),
    /** The top host of a datacenter is another host than before. */
    DC_TOP_CHANGED("dcTopChanged", false);

    private final String label;
    private final boolean threshold;

    AlertKind(String label, boolean threshold) {
        this.label = label;
        this.threshold = threshold;
    }

    /** The name in configuration and in every alert event. */
    public String label() {
        return label;
    }

    /** True when a rule of this kind watches one topic and needs {@code topic}. */
    public boolean hasTopic() {
        return this == AVERAGE || this == TOPIC_AVERAGE;
    }

    /** True when a rule of this kind needs {@code above}. */
    public boolean hasThreshold() {
        return threshold;
    }

    /** The kind named {@code label} (case-insensitive), or null. */
    public static AlertKind byLabel(String label) {
        for (AlertKind kind : values()) {
            if (kind.label.toLowerCase(Locale.ROOT).equals(label.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        return null;
    }

    /** Every label, for error messages. */
    public static String labels() {
        return Arrays.stream(values()).map(AlertKind::label).collect(Collectors.joining(", "));
    }
}
