package io.loadrank.balancer.decision;

import io.loadrank.balancer.ranking.HostLoad;
import io.loadrank.balancer.ranking.LoadSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which hosts are hot, ranking after ranking, with hysteresis: a host becomes hot at
 * {@code dcScore >= hotRatio * mean dcScore of its datacenter} and stays hot until it is below
 * {@code coolRatio * mean} and has been hot for {@code minHot}, so that plans do not flap with every
 * emit. Time is the rankings' own time ({@code rankedAtMillis}), so a burst of records read at start
 * is judged as it happened, not as it arrived.
 *
 * <p>A stale or incomplete host, or one without a datacenter score, is never hot and forgets its
 * history. Not thread-safe: {@link Steering} serializes the calls.
 */
public final class HotHostTracker {

    private static final Comparator<HostLoad> HOTTEST_FIRST =
            Comparator.comparingDouble(HostLoad::dcScore).reversed().thenComparing(HostLoad::host);

    private final BalancerSettings settings;
    /** host key to the ranking time it became hot */
    private final Map<String, Long> hotSince = new HashMap<>();

    public HotHostTracker(BalancerSettings settings) {
        this.settings = settings;
    }

    public HotHosts update(LoadSnapshot ranking) {
        Map<String, List<HostLoad>> byDc = new HashMap<>();
        Map<String, Integer> countByDc = new HashMap<>();
        for (HostLoad host : ranking.hosts()) {
            if (host.datacenter() != null) {
                byDc.computeIfAbsent(host.datacenter(), dc -> new ArrayList<>()).add(host);
                countByDc.merge(host.datacenter(), 1, Integer::sum);
            }
        }
        long now = ranking.rankedAtMillis();
        long minHotMillis = settings.minHot().toMillis();
        Set<String> seen = new HashSet<>();
        Map<String, List<HostLoad>> hot = new HashMap<>();
        for (Map.Entry<String, List<HostLoad>> dc : byDc.entrySet()) {
            double mean = meanDcScore(dc.getValue());
            for (HostLoad host : dc.getValue()) {
                if (!eligible(host) || !(mean > 0)) {
                    continue;
                }
                seen.add(host.key());
                Long since = hotSince.get(host.key());
                boolean isHot;
                if (host.dcScore() >= settings.hotRatio() * mean) {
                    if (since == null) {
                        hotSince.put(host.key(), now);
                    }
                    isHot = true;
                } else if (since != null) {
                    boolean cooled = host.dcScore() < settings.coolRatio() * mean && now - since >= minHotMillis;
                    if (cooled) {
                        hotSince.remove(host.key());
                    }
                    isHot = !cooled;
                } else {
                    isHot = false;
                }
                if (isHot) {
                    hot.computeIfAbsent(dc.getKey(), k -> new ArrayList<>()).add(host);
                }
            }
        }
        // stale, incomplete or missing hosts start from scratch when they come back
        hotSince.keySet().retainAll(seen);
        hot.values().forEach(list -> list.sort(HOTTEST_FIRST));
        return new HotHosts(now, hot, countByDc);
    }

    private static boolean eligible(HostLoad host) {
        return !host.stale() && !host.incomplete() && host.hasDcScore();
    }

    /** Mean over the hosts that share the datacenter's score (stale hosts are out of the shares). */
    private static double meanDcScore(List<HostLoad> hosts) {
        double sum = 0;
        int count = 0;
        for (HostLoad host : hosts) {
            if (!host.stale() && host.hasDcScore()) {
                sum += host.dcScore();
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
