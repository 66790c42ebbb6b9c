package io.loadrank.balancer.ranking;

import java.util.List;

/**
 * One record of the rankings topic: when the topology ranked, and every host it ranked (stale hosts
 * included, flagged).
 */
public record RankingRecord(long rankedAtMillis, List<RankedHost> hosts) {

    public RankingRecord {
        hosts = List.copyOf(hosts);
    }
}
