package io.loadrank.slice;

import java.util.List;

/**
 * The ranking of one slice at one moment: what its records on the rankings topic carry together, and
 * what its {@code GlobalRankings-<slice>.json} file holds.
 *
 * @param slice          the slice
 * @param rankedAtMillis when the ranking was made (the same in every part)
 * @param windowSecs     the configured window, seconds
 * @param emitSecs       the configured emit interval, seconds: a reader can tell a ranking that is late
 * @param topics         the metric topics, in configuration order: the order of every host's averages
 * @param weights        the weight of each topic, same order
 * @param hosts          the ranked hosts, highest score first
 * @param stale          the stale hosts, by host name
 * @param windowsAtMillis when the oldest of the window snapshots this ranking combines was taken, so a
 *                       reader can tell how old its data is; 0 when the record does not say
 */
public record SliceRanking(
        Slice slice,
        long rankedAtMillis,
        int windowSecs,
        int emitSecs,
        List<String> topics,
        double[] weights,
        List<SliceHost> hosts,
        List<SliceStaleHost> stale,
        long windowsAtMillis) {

    public SliceRanking {
        topics = List.copyOf(topics);
        if (weights.length != topics.size()) {
            throw new IllegalArgumentException("one weight per topic: " + topics + ", " + weights.length + " weights");
        }
    }

    /** The host at {@code rank} 1, or null when none reports. */
    public SliceHost hottest() {
        return hosts.isEmpty() ? null : hosts.get(0);
    }
}
