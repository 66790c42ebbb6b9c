package io.loadrank.scoring;

import io.loadrank.hostinfo.HostInfo;
import java.io.Serializable;

/**
 * One host's place in the global ranking, and in its slice's: its datacenter of its cluster, or the
 * hosts without host info (docs/DATACENTERS.md).
 *
 * @param host           the host
 * @param score          its weighted mean share of the load of the whole fleet, 0-100 (docs/RANKING.md)
 * @param shares         per topic, in the order of {@link GlobalRanking#topics()}: the host's share of
 *                       the topic's total, 0-100 (0 where the host has no value)
 * @param averages       per topic, same order: the host's window average, NaN where it has none
 * @param incomplete     true if the host has no value for at least one topic
 * @param lastSeenMillis the newest sample time of the host over all topics
 * @param info           what the host-info topic says about the host, or null when it says nothing
 * @param dcRank         its place in its slice's ranking, from 1; 0 when it was not scored in a slice
 * @param dcScore        its score among the hosts of its slice only, 0-100; NaN when not scored in a slice
 * @param dcShares       per topic: its share of its slice's total; null when not scored in a slice
 * @param load           its score within its slice relative to the slice's mean score (1.0 = average,
 *                       the measure the balancer calls hot above 1.5); 0 when every score of the slice is
 *                       0; NaN when not scored in a slice
 * @param samples        per topic: the samples of the host's window, 0 where it has none; null when not known
 */
public record HostScore(
        String host,
        double score,
        double[] shares,
        double[] averages,
        boolean incomplete,
        long lastSeenMillis,
        HostInfo info,
        int dcRank,
        double dcScore,
        double[] dcShares,
        double load,
        int[] samples)
        implements Serializable {

    /** A host ranked fleet-wide only (no host info). */
    public HostScore(
            String host, double score, double[] shares, double[] averages, boolean incomplete, long lastSeenMillis) {
        this(host, score, shares, averages, incomplete, lastSeenMillis, null, 0, Double.NaN, null, Double.NaN, null);
    }

    /** The host's datacenter, or null when it has no host info. */
    public String datacenter() {
        return info == null ? null : info.datacenter();
    }
}
