package io.loadrank.scoring;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.ranking.RankingOrder;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.slice.Slice;
import io.loadrank.window.HostAverage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Combines the latest ranking of every topic into the global ranking (docs/RANKING.md):
 *
 * <pre>
 *   share(h,t) = 100 * v(h,t) / sum over h' of v(h',t)     (0 when the sum is 0)
 *   score(h)   = sum over t of w_t * share(h,t) / sum over t of w_t
 * </pre>
 *
 * <p>Shares rather than raw averages, so that metrics in different units (percent, microseconds,
 * task counts) weigh the same. A host without a value for a topic has share 0 there and is marked
 * incomplete. A host with no sample in any topic for {@code staleAfter} is listed as stale and
 * left out of the shares, so that a silent host never looks like the least loaded one and does not
 * dilute the others' shares.
 *
 * <p>Besides the fleet, every slice (a datacenter of a cluster, docs/DATACENTERS.md) is ranked on
 * its own, with the same formula among its own hosts: load moves between the servers of one
 * datacenter of one cluster. Hosts without host info form one slice of their own.
 *
 * <p>Keeps its hosts between calls (the result of a call does not depend on earlier ones), so it is
 * not thread-safe: one scorer per global ranking bolt.
 */
public final class GlobalScorer {

    /** Highest score first, then host name; a plain comparator for the same reason as RankingOrder's. */
    private static final Comparator<HostScore> BY_SCORE = (a, b) -> {
        int byScore = Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : a.host().compareTo(b.host());
    };

    /** Highest score within the slice first, then host name. */
    private static final Comparator<HostValues> BY_DC_SCORE = (a, b) -> {
        int byScore = Double.compare(b.dcScore, a.dcScore);
        return byScore != 0 ? byScore : a.host.compareTo(b.host);
    };

    /** Host name; plain for the same reason (a backlog can make tens of thousands of hosts stale). */
    private static final Comparator<HostLastSeen> BY_HOST = (a, b) -> a.host().compareTo(b.host());

    private final ArrayList<String> topics;
    private final double[] weights;
    private final double weightSum;
    private final Map<String, Integer> topicIndex = new HashMap<>();
    private final long staleAfterMillis;
    /**
     * Every host of the last call, kept for the next: a fleet changes little between emits, so
     * most hosts find their entry instead of allocating it and growing the map again (100,000
     * entries per emit at 100,000 hosts). Entries of hosts that no ranking lists any more are
     * dropped at the end of each call.
     */
    private final HashMap<String, HostValues> known = new HashMap<>();
    /** Which call an entry was last filled by; an entry of an older call is reset before use. */
    private long call;

    /**
     * @param topics           the metric topics, in configuration order
     * @param weights          the weight of each topic, same order, each finite and >= 0, sum > 0
     * @param staleAfterMillis silence after which a host is stale
     */
    public GlobalScorer(List<String> topics, double[] weights, long staleAfterMillis) {
        if (topics.isEmpty() || topics.size() != weights.length) {
            throw new IllegalArgumentException(
                    "need one weight per topic, got " + topics + " and " + Arrays.toString(weights));
        }
        double sum = 0;
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got " + Arrays.toString(weights));
            }
            sum += weight;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one weight must be above 0, got " + Arrays.toString(weights));
        }
        this.topics = new ArrayList<>(topics);
        this.weights = weights.clone();
        this.weightSum = sum;
        this.staleAfterMillis = staleAfterMillis;
        for (int i = 0; i < topics.size(); i++) {
            topicIndex.put(topics.get(i), i);
        }
    }

    /**
     * Scores the hosts of the latest topic rankings at {@code now}, without host info: every host is
     * in the one slice of the hosts without host info. Topics missing from {@code latest} (no ranking
     * yet) count as topics where no host has a value.
     */
    public GlobalRanking score(Map<String, TopicRanking> latest, long now) {
        return score(latest, now, Map.of());
    }

    /**
     * Scores the hosts of the latest topic rankings at {@code now}: fleet-wide, and within each
     * slice, the (cluster, datacenter) pair that {@code hostInfo} places hosts in
     * (docs/DATACENTERS.md). The fleet ranking does not depend on {@code hostInfo}. A slice's shares
     * are computed among its reporting hosts only, with the same formula as the fleet's
     * ({@link #weightedShares}); its stale hosts are listed with it. The hosts without host info
     * are one slice, {@link Slice#UNPLACED}.
     *
     * @param hostInfo the latest host info per host name (read, not kept)
     */
    public GlobalRanking score(Map<String, TopicRanking> latest, long now, Map<String, HostInfo> hostInfo) {
        int topicCount = topics.size();
        long[] covered = new long[topicCount];
        long[] messages = new long[topicCount];
        long oldestWindow = Long.MAX_VALUE;
        call++;
        // one map entry per host holding all it needs: one hash lookup per (host, topic)
        for (TopicRanking ranking : latest.values()) {
            Integer index = topicIndex.get(ranking.topic());
            if (index == null) {
                continue;
            }
            covered[index] = ranking.coveredMillis();
            messages[index] = ranking.stats().messages();
            oldestWindow = Math.min(oldestWindow, ranking.windowAtMillis());
            for (HostAverage average : ranking.ranked()) {
                HostValues values = known.get(average.host());
                if (values == null) {
                    values = new HostValues(average.host());
                    known.put(average.host(), values);
                }
                if (values.call != call) {
                    values.reset(call, topicCount);
                }
                values.averages[index] = average.average();
                values.samples[index] = average.samples();
                values.lastSeen = Math.max(values.lastSeen, average.lastSampleMillis());
            }
        }

        HashMap<Slice, SliceGroup> slices = new HashMap<>();
        ArrayList<HostLastSeen> stale = new ArrayList<>();
        ArrayList<HostValues> reporting = new ArrayList<>(known.size());
        double[] totals = new double[topicCount];
        Iterator<HostValues> entries = known.values().iterator();
        while (entries.hasNext()) {
            HostValues values = entries.next();
            if (values.call != call) {
                entries.remove(); // in no ranking any more
                continue;
            }
            values.info = hostInfo.isEmpty() ? null : hostInfo.get(values.host);
            Slice slice =
                    values.info == null ? Slice.UNPLACED : new Slice(values.info.cluster(), values.info.datacenter());
            SliceGroup group = slices.get(slice);
            if (group == null) {
                group = new SliceGroup(slice, topicCount);
                slices.put(slice, group);
            }
            if (now - values.lastSeen > staleAfterMillis) {
                // its slice's list is filled from the sorted fleet list below
                stale.add(new HostLastSeen(values.host, values.lastSeen, values.info));
                continue;
            }
            reporting.add(values);
            addTo(totals, values.averages);
            values.slice = group;
            group.reporting.add(values);
            addTo(group.totals, values.averages);
        }

        for (HostValues values : reporting) {
            values.shares = new double[topicCount];
            values.score = weightedShares(values.averages, totals, values.shares);
            values.dcShares = new double[topicCount];
            values.dcScore = weightedShares(values.averages, values.slice.totals, values.dcShares);
        }
        ArrayList<SliceGroup> ordered = new ArrayList<>(slices.values());
        ordered.sort((a, b) -> Slice.ORDER.compare(a.slice, b.slice));
        for (SliceGroup group : ordered) {
            RankingOrder.sortHighestFirst(group.reporting, values -> values.dcScore, BY_DC_SCORE);
            double sum = 0;
            for (int i = 0; i < group.reporting.size(); i++) {
                group.reporting.get(i).dcRank = i + 1;
                sum += group.reporting.get(i).dcScore;
            }
            double mean = group.reporting.isEmpty() ? 0 : sum / group.reporting.size();
            for (HostValues values : group.reporting) {
                values.load = mean > 0 ? values.dcScore / mean : 0;
            }
        }

        ArrayList<HostScore> ranked = new ArrayList<>(reporting.size());
        for (HostValues values : reporting) {
            values.result = new HostScore(
                    values.host,
                    values.score,
                    values.shares,
                    values.averages,
                    values.incomplete(),
                    values.lastSeen,
                    values.info,
                    values.dcRank,
                    values.dcScore,
                    values.dcShares,
                    values.load,
                    values.samples);
            ranked.add(values.result);
        }
        RankingOrder.sortHighestFirst(ranked, HostScore::score, BY_SCORE);
        stale.sort(BY_HOST);
        // sorted once: each slice's stale hosts in the fleet's order are in name order too
        for (HostLastSeen host : stale) {
            HostInfo info = host.info();
            slices.get(info == null ? Slice.UNPLACED : new Slice(info.cluster(), info.datacenter()))
                    .stale
                    .add(host);
        }

        ArrayList<SliceScores> sliceRankings = new ArrayList<>(ordered.size());
        for (SliceGroup group : ordered) {
            ArrayList<HostScore> sliceRanked = new ArrayList<>(group.reporting.size());
            for (HostValues values : group.reporting) {
                sliceRanked.add(values.result);
            }
            sliceRankings.add(new SliceScores(group.slice, sliceRanked, group.stale));
        }
        return new GlobalRanking(
                topics,
                weights.clone(),
                covered,
                ranked,
                stale,
                now,
                oldestWindow == Long.MAX_VALUE ? now : oldestWindow,
                sliceRankings,
                null,
                messages);
    }

    /**
     * The one formula of the scores (see the class comment), for the fleet and for a slice alike:
     * writes each topic's share of {@code totals} into {@code shares} and returns the weighted mean
     * share. A topic without a value (NaN) or with a total of 0 has share 0.
     */
    double weightedShares(double[] averages, double[] totals, double[] shares) {
        double weighted = 0;
        for (int t = 0; t < averages.length; t++) {
            if (!Double.isNaN(averages[t]) && totals[t] > 0) {
                shares[t] = 100.0 * averages[t] / totals[t];
                weighted += weights[t] * shares[t];
            }
        }
        return weighted / weightSum;
    }

    private static void addTo(double[] totals, double[] averages) {
        for (int t = 0; t < totals.length; t++) {
            if (!Double.isNaN(averages[t])) {
                totals[t] += averages[t];
            }
        }
    }

    /**
     * What the scorer gathers about one host across the topics in one call. Kept between calls
     * ({@link #known}), but every field is set afresh by {@link #reset} and the arrays are new each
     * call: the {@link HostScore} of an earlier ranking shares them, and that ranking may still be
     * written to a file while the next one is scored.
     */
    private static final class HostValues {
        final String host;
        long call;
        double[] averages;
        int[] samples;
        long lastSeen;
        HostInfo info;
        SliceGroup slice;
        double[] shares;
        double score;
        double[] dcShares;
        double dcScore;
        int dcRank;
        double load;
        HostScore result;

        HostValues(String host) {
            this.host = host;
        }

        void reset(long call, int topicCount) {
            this.call = call;
            averages = nanArray(topicCount);
            samples = new int[topicCount];
            lastSeen = Long.MIN_VALUE;
            info = null;
            slice = null;
            shares = null;
            score = 0;
            dcShares = null;
            dcScore = 0;
            dcRank = 0;
            load = 0;
            result = null;
        }

        boolean incomplete() {
            for (double average : averages) {
                if (Double.isNaN(average)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One slice while it is scored: its hosts and its totals per topic. */
    private static final class SliceGroup {
        final Slice slice;
        final double[] totals;
        final ArrayList<HostValues> reporting = new ArrayList<>();
        final ArrayList<HostLastSeen> stale = new ArrayList<>();

        SliceGroup(Slice slice, int topicCount) {
            this.slice = slice;
            this.totals = new double[topicCount];
        }
    }

    private static double[] nanArray(int length) {
        double[] array = new double[length];
        Arrays.fill(array, Double.NaN);
        return array;
    }
}
