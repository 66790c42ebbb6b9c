package io.loadrank.rankingfile;

import java.util.Map;

/**
 * What the topology did with the host-info topic (docs/DATACENTERS.md), as GlobalRankings.json reports it.
 *
 * @param topic          the host-info topic
 * @param accepted       records taken
 * @param deleted        tombstones that removed a host's information
 * @param hosts          hosts with host info now
 * @param malformedTotal records skipped as malformed
 * @param malformed      reason label to count
 */
public record HostInfoCounts(
        String topic, long accepted, long deleted, long hosts, long malformedTotal, Map<String, Long> malformed) {}
