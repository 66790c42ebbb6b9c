package io.loadrank.metric;

import java.util.List;
import java.util.stream.Stream;

/**
 * The five metrics loadrank ranks by, each sent to a Kafka topic of its own (docs/MESSAGES.md).
 * The one list: the producer reads these, the simulator makes them up, the topology ranks their
 * topics by default.
 */
public enum Metric {
    /** host CPU load, percent 0-100 */
    CPU_LOAD("cpuLoad", "percent"),
    /** physical memory in use, page cache not counted, percent 0-100 */
    MEM_LOAD("memLoad", "percent"),
    /** tasks waiting in Cassandra's request thread pools and compaction */
    PENDING_TASKS("pendingTasks", "tasks"),
    /** coordinator read latency over the last interval, microseconds */
    READ_LATENCY("readLatency", "microseconds"),
    /** coordinator write latency over the last interval, microseconds */
    WRITE_LATENCY("writeLatency", "microseconds");

    private final String defaultTopic;
    private final String unit;

    Metric(String defaultTopic, String unit) {
        this.defaultTopic = defaultTopic;
        this.unit = unit;
    }

    /** The topic name used unless configured otherwise; also the metric's name in logs. */
    public String defaultTopic() {
        return defaultTopic;
    }

    public String unit() {
        return unit;
    }

    /** The default topics of all metrics, in this order. */
    public static List<String> defaultTopics() {
        return Stream.of(values()).map(Metric::defaultTopic).toList();
    }
}
