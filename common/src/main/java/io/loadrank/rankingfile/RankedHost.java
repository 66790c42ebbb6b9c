package io.loadrank.rankingfile;

import java.util.Map;

/**
 * A host of the global ranking.
 *
 * @param score      the weighted sum of the host's shares, 0 to 100
 * @param incomplete true if some topic had no value for the host (its share counts as 0)
 * @param shares     topic to the host's share of that topic's total, in percent
 * @param averages   topic to the host's window average; a topic without a value is absent
 * @param samples    topic to how many of the host's samples the window holds (0 for none)
 * @param datacenter the host's datacenter, or null in files without datacenters
 * @param rack       the host's rack, or null
 * @param hostId     the host's identity within its cluster, or null
 * @param address    the host's address (IP literal or host name) from its host info, or null
 * @param dcRank     the host's rank within its datacenter, or null
 * @param dcScore    the host's score within its datacenter, or null
 */
public record RankedHost(
        int rank,
        String host,
        double score,
        boolean incomplete,
        boolean stale,
        String lastSeen,
        long lastSeenMillis,
        Map<String, Double> shares,
        Map<String, Double> averages,
        Map<String, Long> samples,
        String datacenter,
        String rack,
        String hostId,
        String address,
        Integer dcRank,
        Double dcScore) {}
