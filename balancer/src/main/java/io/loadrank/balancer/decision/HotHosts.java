package io.loadrank.balancer.decision;

import io.loadrank.balancer.ranking.HostLoad;
import java.util.List;

/**
 * The hot hosts of one ranking of the session's slice after hysteresis, hottest first; and how many hosts
 * the ranking lists (stale ones included), for the demotion cap.
 *
 * @param datacenter the slice's datacenter, null when there is no ranking
 */
public record HotHosts(String datacenter, long rankedAtMillis, List<HostLoad> hottestFirst, int rankedHosts) {

    public HotHosts {
        hottestFirst = List.copyOf(hottestFirst);
    }

    public static HotHosts none() {
        return new HotHosts(null, Long.MIN_VALUE, List.of(), 0);
    }
}
