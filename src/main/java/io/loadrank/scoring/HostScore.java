package io.loadrank.scoring;

import io.loadrank.hostinfo.HostInfo;
import java.io.Serializable;

/**
 * One host's place in the global ranking, and in its datacenter's (docs/DATACENTERS.md).
 *
 * @param host           the host
 * @param score          its weighted mean share of the load of the whole fleet, 0-100 (docs/RANKING.md)
 * @param shares         per topic, in the order of {@link GlobalRanking#topics()}: the host's share of
 *                       the topic's total, 0-100 (0 where the host has no value)
 * @param averages       per topic, same order: the host's window average, NaN where it has none
 * @param incomplete     true if the host has no value for at least one topic
 * @param lastSeenMillis the newest sample time of the host over all topics
 * @param info           what the host-info topic says about the host, or null when it says nothing
 * @param dcRank         its place in its datacenter's ranking, from 1; 0 without a datacenter
 * @param dcScore        its score among the hosts of its datacenter only, 0-100; NaN without a datacenter
 * @param dcShares       per topic: its share of its datacenter's total; null without a datacenter
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
        double[] dcShares)
        implements Serializable {

    /** A host ranked fleet-wide only (no host info). */
    public HostScore(
            String host, double score, double[] shares, double[] averages, boolean incomplete, long lastSeenMillis) {
        this(host, score, shares, averages, incomplete, lastSeenMillis, null, 0, Double.NaN, null);
    }

    /** The host's datacenter, or null when it has no host info. */
    public String datacenter() {
        return info == null ? null : info.datacenter();
    }
}
