package io.loadrank.balancer.ranking;

import java.util.List;

/**
 * What the decisions take from one record of the rankings topic: when the topology ranked, and
 * every host it ranked (stale hosts included, flagged).
 */
public record LoadSnapshot(long rankedAtMillis, List<HostLoad> hosts) {

    public LoadSnapshot {
        hosts = List.copyOf(hosts);
    }
}
