package io.loadrank.steering;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What one policy's load did during one measured run: every request scheduled, answered or failed,
 * the latencies of the answered ones (from their scheduled start), which node coordinated each, and
 * the same per second of the run for the time series. A request neither answered nor failed when the
 * run is summed up counts as an error: every scheduled request is counted once.
 */
final class RunAccounting {

    /** Latencies are kept in microseconds up to a minute, at three significant digits. */
    private static final long HIGHEST_MICROS = 60_000_000L;

    private static final int DIGITS = 3;

    private final long startNanos;
    private final int nodes;
    private final Histogram latencies = newHistogram();
    private final List<Second> seconds = new ArrayList<>();
    private final long[] perNode;
    private long scheduled;
    private long succeeded;
    private long failed;
    private long onHotNode;

    /**
     * @param startNanos the run's start; the time series counts seconds from it by scheduled start
     * @param nodes the number of nodes (numbered 1..nodes)
     */
    RunAccounting(long startNanos, int nodes) {
        this.startNanos = startNanos;
        this.nodes = nodes;
        this.perNode = new long[nodes + 1];
    }

    synchronized void scheduled() {
        scheduled++;
    }

    synchronized void failed() {
        failed++;
    }

    /**
     * @param scheduledNanos when the request was due
     * @param latencyNanos from then to its answer
     * @param node its coordinator (1..nodes; 0 or out of range: unknown)
     * @param hot whether that node was the hot one when it answered
     */
    synchronized void succeeded(long scheduledNanos, long latencyNanos, int node, boolean hot) {
        succeeded++;
        long micros = Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1_000));
        latencies.recordValue(micros);
        int known = node >= 1 && node <= nodes ? node : 0;
        perNode[known]++;
        if (hot) {
            onHotNode++;
        }
        long second = Math.max(0, (scheduledNanos - startNanos) / 1_000_000_000L);
        if (second < Integer.MAX_VALUE) {
            while (seconds.size() <= second) {
                seconds.add(new Second(nodes));
            }
            Second bucket = seconds.get((int) second);
            bucket.latencies.recordValue(micros);
            bucket.perNode[known]++;
        }
    }

    /** Requests sent and neither answered nor failed yet. */
    synchronized long inFlight() {
        return Math.max(0, scheduled - succeeded - failed);
    }

    /** The run summed up, over {@code measuredSeconds} of scheduled load. */
    synchronized RunResult result(double measuredSeconds) {
        long unfinished = Math.max(0, scheduled - succeeded - failed);
        double share = succeeded == 0 ? 0 : (double) onHotNode / succeeded;
        return new RunResult(
                scheduled,
                succeeded,
                failed + unfinished,
                scheduled / measuredSeconds,
                succeeded / measuredSeconds,
                millis(latencies.getValueAtPercentile(50)),
                millis(latencies.getValueAtPercentile(99)),
                millis(latencies.getValueAtPercentile(99.9)),
                millis(latencies.getMaxValue()),
                share);
    }

    /** Each second of the run: requests answered by each node and that second's p99. */
    synchronized List<SecondResult> series() {
        List<SecondResult> out = new ArrayList<>();
        for (int i = 0; i < seconds.size(); i++) {
            Second second = seconds.get(i);
            out.add(new SecondResult(
                    i,
                    second.perNode.clone(),
                    second.latencies.getTotalCount() == 0
                            ? Double.NaN
                            : millis(second.latencies.getValueAtPercentile(99))));
        }
        return out;
    }

    private static double millis(long micros) {
        return micros / 1_000.0;
    }

    private static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, DIGITS);
    }

    private static final class Second {
        final Histogram latencies = newHistogram();
        final long[] perNode;

        Second(int nodes) {
            perNode = new long[nodes + 1];
        }
    }

    /** One run of one policy, summed up. Latencies in milliseconds. */
    record RunResult(
            long scheduled,
            long succeeded,
            long errors,
            double offeredPerSecond,
            double achievedPerSecond,
            double p50Millis,
            double p99Millis,
            double p999Millis,
            double maxMillis,
            double hotNodeShare) {}

    /**
     * One second of a run: {@code perNode[i]} requests coordinated by node i (index 0: unknown), the
     * p99 of that second's answers in milliseconds (NaN when none).
     */
    record SecondResult(int second, long[] perNode, double p99Millis) {}
}
