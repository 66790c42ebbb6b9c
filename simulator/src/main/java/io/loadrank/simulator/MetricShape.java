package io.loadrank.simulator;

import io.loadrank.metric.Metric;

/**
 * What each metric reads on a simulated host for its load {@code intensity} (0 idle .. 1 saturated).
 *
 * <p>The shapes follow what a loaded Cassandra node shows: CPU grows with load almost linearly,
 * memory is mostly a per-host constant (heap, page cache), while the queue (pending tasks) and
 * the latencies stay small until the node nears saturation and then grow steeply.
 */
final class MetricShape {

    private MetricShape() {}

    /**
     * The value of {@code metric}.
     *
     * @param intensity  the host's load, clamped to 0..1
     * @param memoryBase the host's own memory use in percent when idle
     * @param noise      a deterministic random number in [-1, 1)
     */
    static double value(Metric metric, double intensity, double memoryBase, double noise) {
        double x = Math.max(0, Math.min(1, intensity));
        double cube = x * x * x;
        return switch (metric) {
            case CPU_LOAD -> clamp(round1(5 + 90 * x + 2.5 * noise), 0, 100);
            case MEM_LOAD -> clamp(round1(memoryBase + 25 * x + 0.8 * noise), 0, 100);
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
