package io.loadrank.balancer.decision;

import io.loadrank.balancer.ranking.HostLoad;
import io.loadrank.balancer.ranking.LoadSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The whole decision, without driver or Kafka: rankings go in ({@link #accept}), the nodes to demote
 * among the local datacenter's nodes come out ({@link #decide}), with expiry against a clock the caller
 * controls, the demotion cap, and counts of demotions and restorations. Thread-safe: the rankings
 * follower and the driver's event threads call it; queries never do (they read the policy's last
 * published decision).
 */
public final class Steering {

    private final BalancerSettings settings;
    private final LongSupplier clockMillis;
    private final HotHostTracker tracker;

    private HotHosts latest = HotHosts.none();
    private boolean anyRanking;
    private boolean left;
    private List<NodeIdentity> demoted = List.of();
    private long rankings;
    private long outOfOrder;
    private long demotions;
    private long restorations;

    public Steering(BalancerSettings settings, LongSupplier clockMillis) {
        this.settings = settings;
        this.clockMillis = clockMillis;
        this.tracker = new HotHostTracker(settings);
    }

    /**
     * Takes a ranking in. One older than the latest one taken (a record read twice, or from another
     * partition) is ignored: hysteresis must only move forward in time.
     *
     * @return false if ignored
     */
    public synchronized boolean accept(LoadSnapshot ranking) {
        if (anyRanking && ranking.rankedAtMillis() < latest.rankedAtMillis()) {
            outOfOrder++;
            return false;
        }
        latest = tracker.update(ranking);
        anyRanking = true;
        left = false;
        rankings++;
        return true;
    }

    /**
     * The slice left the ranking (every host of it out of the topology's window): nothing to steer by
     * until a ranking of it comes again, whatever its time.
     */
    public synchronized void sliceLeft() {
        tracker.forget();
        latest = HotHosts.none();
        anyRanking = false;
        left = true;
    }

    /**
     * The nodes of {@code localDc} to demote now, given all of that datacenter's nodes the driver knows.
     * Only a ranking of a slice of that datacenter demotes anything. Counts the changes since the
     * previous call.
     */
    public synchronized Decision decide(String localDc, List<NodeIdentity> localNodes) {
        long now = clockMillis.getAsLong();
        Decision.Basis basis;
        List<NodeIdentity> next;
        long validUntil;
        if (!anyRanking) {
            basis = left ? Decision.Basis.SLICE_LEFT : Decision.Basis.NO_RANKING;
            next = List.of();
            validUntil = Long.MIN_VALUE;
        } else {
            validUntil = saturatedAdd(latest.rankedAtMillis(), settings.maxAge().toMillis());
            if (now > validUntil) {
                basis = Decision.Basis.EXPIRED;
                next = List.of();
            } else {
                basis = Decision.Basis.FRESH;
                next = select(localDc, localNodes);
            }
        }
        List<NodeIdentity> added = minus(next, demoted);
        List<NodeIdentity> removed = minus(demoted, next);
        demotions += added.size();
        restorations += removed.size();
        demoted = next;
        return new Decision(
                next, added, removed, basis, anyRanking ? latest.rankedAtMillis() : Long.MIN_VALUE, validUntil);
    }

    /** Counters and the ranking's age now, for the status API. */
    public synchronized Counts counts() {
        long age = anyRanking ? Math.max(0, clockMillis.getAsLong() - latest.rankedAtMillis()) : -1;
        return new Counts(rankings, outOfOrder, demotions, restorations, age);
    }

    private List<NodeIdentity> select(String localDc, List<NodeIdentity> localNodes) {
        if (localDc == null || !localDc.equals(latest.datacenter())) {
            return List.of();
        }
        int dcSize = Math.max(localNodes.size(), latest.rankedHosts());
        int cap = DemotionCap.of(dcSize, settings.maxDemotedFraction());
        List<NodeIdentity> chosen = new ArrayList<>();
        for (HostLoad host : latest.hottestFirst()) {
            if (chosen.size() >= cap) {
                break;
            }
            for (NodeIdentity node : localNodes) {
                if (!chosen.contains(node) && NodeMatcher.matches(node, host)) {
                    chosen.add(node);
                    break;
                }
            }
        }
        return chosen;
    }

    private static List<NodeIdentity> minus(List<NodeIdentity> from, List<NodeIdentity> remove) {
        List<NodeIdentity> result = new ArrayList<>(from);
        result.removeAll(remove);
        return result;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * @param rankings          rankings taken in
     * @param outOfOrder        rankings ignored for being older than the latest
     * @param demotions         times a node entered the demoted set
     * @param restorations      times a node left it (cooled, capped out, ranking expired)
     * @param rankingAgeMillis  age of the latest ranking now, -1 when there is none
     */
    public record Counts(long rankings, long outOfOrder, long demotions, long restorations, long rankingAgeMillis) {}
}
