package io.loadrank.producer.metrics;

/** The five metrics of SPEC section 2, each sent to its own Kafka topic. */
public enum Metric {
    CPU_LOAD("cpuLoad"),
    MEM_LOAD("memLoad"),
    PENDING_TASKS("pendingTasks"),
    READ_LATENCY("readLatency"),
    WRITE_LATENCY("writeLatency");

    private final String defaultTopic;

    Metric(String defaultTopic) {
        this.defaultTopic = defaultTopic;
    }

    /** The topic name used unless configured otherwise; also the metric's name in logs. */
    public String defaultTopic() {
        return defaultTopic;
    }
}
