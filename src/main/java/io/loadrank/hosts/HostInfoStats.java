package io.loadrank.hosts;

import io.loadrank.hostinfo.HostInfoMalformedReason;
import java.io.Serializable;
import java.util.EnumMap;

/**
 * What the host-info topic brought since the topology started (docs/DATACENTERS.md).
 *
 * @param topic     the host-info topic
 * @param accepted  valid records (each replaces its host's info)
 * @param deleted   tombstones that deleted a host's info
 * @param hosts     hosts with info now
 * @param malformed malformed records by reason (skipped)
 */
public record HostInfoStats(
        String topic, long accepted, long deleted, int hosts, EnumMap<HostInfoMalformedReason, Long> malformed)
        implements Serializable {

    public long malformedTotal() {
        long total = 0;
        for (long count : malformed.values()) {
            total += count;
        }
        return total;
    }
}
