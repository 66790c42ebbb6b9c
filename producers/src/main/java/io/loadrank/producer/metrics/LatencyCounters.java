package io.loadrank.producer.metrics;

/**
 * The two cumulative counters of one Cassandra request latency metric, as read in one poll:
 * {@code TotalLatency.Count} (microseconds spent by all requests so far) and
 * {@code Latency.Count} (number of requests so far). Both start at 0 when Cassandra starts.
 */
public record LatencyCounters(long totalMicros, long requests) {}
