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
 * Which hosts of the session's slice are hot, ranking after ranking, with hysteresis: a host becomes hot
 * at {@code score >= hotRatio * mean score of the slice} and stays hot until it is below
 * {@code coolRatio * mean} and has been hot for {@code minHot}, so that plans do not flap with every
 * emit. Time is the rankings' own time ({@code rankedAtMillis}), so a burst of records read at start is
 * judged as it happened, not as it arrived.
 *
 * <p>A stale or incomplete host is never hot and forgets its history. Not thread-safe: {@link Steering}
 * serializes the calls.
 */
public final class HotHostTracker {

    private static final Comparator<HostLoad> HOTTEST_FIRST =
            Comparator.comparingDouble(HostLoad::score).reversed().thenComparing(HostLoad::host);

    private final BalancerSettings settings;
    /** host key to the ranking time it became hot */
    private final Map<String, Long> hotSince = new HashMap<>();

    public HotHostTracker(BalancerSettings settings) {
        this.settings = settings;
    }

    public HotHosts update(LoadSnapshot ranking) {
        long now = ranking.rankedAtMillis();
        long minHotMillis = settings.minHot().toMillis();
        double mean = meanScore(ranking.hosts());
        Set<String> seen = new HashSet<>();
        List<HostLoad> hot = new ArrayList<>();
        for (HostLoad host : ranking.hosts()) {
            if (!eligible(host) || !(mean > 0)) {
                continue;
            }
            seen.add(host.key());
            Long since = hotSince.get(host.key());
            boolean isHot;
            if (host.score() >= settings.hotRatio() * mean) {
                if (since == null) {
                    hotSince.put(host.key(), now);
                }
                isHot = true;
            } else if (since != null) {
                boolean cooled = host.score() < settings.coolRatio() * mean && now - since >= minHotMillis;
                if (cooled) {
                    hotSince.remove(host.key());
                }
                isHot = !cooled;
            } else {
                isHot = false;
            }
            if (isHot) {
                hot.add(host);
            }
        }
        // stale, incomplete or missing hosts start from scratch when they come back
        hotSince.keySet().retainAll(seen);
        hot.sort(HOTTEST_FIRST);
        return new HotHosts(
                ranking.slice().datacenter(), now, hot, ranking.hosts().size());
    }

    /** The slice left: every host's history goes with it. */
    public void forget() {
        hotSince.clear();
    }

    private static boolean eligible(HostLoad host) {
        return !host.stale() && !host.incomplete() && host.hasScore();
    }

    /**
     * Mean over the hosts that share the slice's load (stale hosts are out of the shares): the shares add
     * up to 100, so this is 100 / ranked hosts, computed rather than assumed so that a ranking whose
     * scores were rounded is judged by what it says.
     */
    private static double meanScore(List<HostLoad> hosts) {
        double sum = 0;
        int count = 0;
        for (HostLoad host : hosts) {
            if (!host.stale() && host.hasScore()) {
                sum += host.score();
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
