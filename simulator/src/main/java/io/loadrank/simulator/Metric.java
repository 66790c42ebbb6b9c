package io.loadrank.simulator;

/**
 * The five metrics of SPEC section 2, in the order the simulator sends them, each with a realistic
 * value for a host's load {@code intensity} (0 idle .. 1 saturated).
 *
 * <p>The shapes follow what a loaded Cassandra node shows: CPU grows with load almost linearly,
 * memory is mostly a per-host constant (heap, page cache), while the queue (pending tasks) and
 * the latencies stay small until the node nears saturation and then grow steeply.
 */
public enum Metric {
    /** percent 0-100 */
    CPU("cpuLoad"),
    /** percent 0-100 */
    MEMORY("memLoad"),
    /** a count of tasks */
    PENDING_TASKS("pendingTasks"),
    /** microseconds */
    READ_LATENCY("readLatency"),
    /** microseconds */
    WRITE_LATENCY("writeLatency");

    private static final Metric[] ALL = values();

    private final String defaultTopic;

    Metric(String defaultTopic) {
        this.defaultTopic = defaultTopic;
    }

    /** The topic of this metric unless configured otherwise. */
    public String defaultTopic() {
        return defaultTopic;
    }

    static Metric of(int ordinal) {
        return ALL[ordinal];
    }

    /**
     * The value of this metric.
     *
     * @param intensity  the host's load, clamped to 0..1
     * @param memoryBase the host's own memory use in percent when idle
     * @param noise      a deterministic random number in [-1, 1)
     */
    double value(double intensity, double memoryBase, double noise) {
        double x = Math.max(0, Math.min(1, intensity));
        double cube = x * x * x;
        return switch (this) {
            case CPU -> clamp(round1(5 + 90 * x + 2.5 * noise), 0, 100);
            case MEMORY -> clamp(round1(memoryBase + 25 * x + 0.8 * noise), 0, 100);
            case PENDING_TASKS -> Math.max(0, Math.round(2 + 1200 * cube * x + 2 * (1 + 10 * x) * noise));
            case READ_LATENCY -> round1(250 + 30_000 * cube + (40 + 2_000 * cube) * noise);
            case WRITE_LATENCY -> round1(120 + 9_000 * cube + (15 + 600 * cube) * noise);
        };
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
