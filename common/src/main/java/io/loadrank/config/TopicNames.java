package io.loadrank.config;

import java.util.regex.Pattern;

/**
 * What a Kafka topic name may be, and the default names of loadrank's topics other than the metric
 * topics (those are {@code io.loadrank.metric.Metric#defaultTopic()}). Every program's settings and
 * options use these; the scripts' copy, {@code scripts/lib/topics.sh}, is checked against them by
 * {@code TopicNamesScriptTest}.
 */
public final class TopicNames {

    /** Kafka's legal topic names: what the broker accepts, and what is safe in a file name. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    /** What a topic name may be, in words. */
    public static final String ALLOWED = "1-249 of letters, digits, '.', '_', '-'";

    /** The compacted host-info topic: datacenter, rack and host id of every host. */
    public static final String HOSTS = "hosts";
    /** The compacted rankings topic: one record per slice per emit. */
    public static final String RANKINGS = "loadRankings";
    /** The alerts topic: one record per alert event. */
    public static final String ALERTS = "loadAlerts";
    /** Where the topology sends malformed messages, with the reason. */
    public static final String DEAD_LETTER = "loadDeadLetter";

    private TopicNames() {}

    /** Whether {@code text} is a legal topic name; null is not. */
    public static boolean isValid(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }
}
