package io.loadrank.balancer.ranking;

import io.loadrank.slice.Slice;
import java.util.List;
import java.util.Objects;

/**
 * What the decisions take from one whole ranking of the session's slice: which slice, when the topology
 * ranked, and every host it ranked (stale hosts included, flagged).
 */
public record LoadSnapshot(Slice slice, long rankedAtMillis, List<HostLoad> hosts) {

    public LoadSnapshot {
        Objects.requireNonNull(slice, "slice");
        hosts = List.copyOf(hosts);
    }
}
