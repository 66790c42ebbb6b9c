package io.loadrank.metric;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The five metrics loadrank ranks by, each sent to a Kafka topic of its own (docs/MESSAGES.md).
 * The one list: the producer reads these, the simulator makes them up, the topology ranks their
 * topics by default.
 */
public enum Metric {
    /** host CPU load, percent 0-100 */
    CPU_LOAD("cpuLoad", "percent", "cpu %"),
    /** physical memory in use, page cache not counted, percent 0-100 */
    MEM_LOAD("memLoad", "percent", "mem %"),
    /** tasks waiting in Cassandra's request thread pools and compaction */
    PENDING_TASKS("pendingTasks", "tasks", "pending"),
    /** coordinator read latency over the last interval, microseconds */
    READ_LATENCY("readLatency", "microseconds", "read us"),
    /** coordinator write latency over the last interval, microseconds */
    WRITE_LATENCY("writeLatency", "microseconds", "write us");

    private final String defaultTopic;
    private final String unit;
    private final String shortLabel;

    Metric(String defaultTopic, String unit, String shortLabel) {
        this.defaultTopic = defaultTopic;
        this.unit = unit;
        this.shortLabel = shortLabel;
    }

    /** The metric whose default topic is {@code topic}, if any. */
    public static Optional<Metric> byDefaultTopic(String topic) {
        return Stream.of(values()).filter(m -> m.defaultTopic.equals(topic)).findFirst();
    }

    /** A column heading of a few characters, with the unit: "cpu %", "read us". */
    public String shortLabel() {
        return shortLabel;
    }

    /** Decimals worth showing of a window average: tenths of a percent; whole tasks and microseconds. */
    public int decimals() {
        return "percent".equals(unit) ? 1 : 0;
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
