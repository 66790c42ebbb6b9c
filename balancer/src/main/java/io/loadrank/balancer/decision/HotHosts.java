package io.loadrank.balancer.decision;

import io.loadrank.balancer.ranking.HostLoad;
import java.util.List;
import java.util.Map;

/**
 * The hot hosts of one ranking after hysteresis, per datacenter, hottest first; and how many hosts
 * each datacenter has in that ranking (stale ones included), for the demotion cap.
 */
public record HotHosts(
        long rankedAtMillis, Map<String, List<HostLoad>> hottestFirstByDc, Map<String, Integer> rankedHostsByDc) {

    public HotHosts {
        hottestFirstByDc = Map.copyOf(hottestFirstByDc);
        rankedHostsByDc = Map.copyOf(rankedHostsByDc);
    }

    public static HotHosts none() {
        return new HotHosts(Long.MIN_VALUE, Map.of(), Map.of());
    }

    public List<HostLoad> hottestFirst(String datacenter) {
        return hottestFirstByDc.getOrDefault(datacenter, List.of());
    }

    public int rankedHosts(String datacenter) {
        return rankedHostsByDc.getOrDefault(datacenter, 0);
    }
}
