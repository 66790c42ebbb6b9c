package io.loadrank.scoring;

import io.loadrank.window.HostAverage;
import io.loadrank.ranking.RankingOrder;
import io.loadrank.ranking.TopicRanking;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
 */
public final class GlobalScorer {

    /** Highest score first, then host name; a plain comparator for the same reason as RankingOrder's. */
    private static final Comparator<HostScore> BY_SCORE = (a, b) -> {
        int byScore = Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : a.host().compareTo(b.host());
    };

    private final ArrayList<String> topics;
    private final double[] weights;
    private final double weightSum;
    private final Map<String, Integer> topicIndex = new HashMap<>();
    private final long staleAfterMillis;

    /**
     * @param topics           the metric topics, in configuration order
     * @param weights          the weight of each topic, same order, each finite and >= 0, sum > 0
     * @param staleAfterMillis silence after which a host is stale
     */
    public GlobalScorer(List<String> topics, double[] weights, long staleAfterMillis) {
        if (topics.isEmpty() || topics.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per topic, got " + topics + " and " + Arrays.toString(weights));
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
     * Scores the hosts of the latest topic rankings at {@code now}. Topics missing from
     * {@code latest} (no ranking yet) count as topics where no host has a value.
     */
    public GlobalRanking score(Map<String, TopicRanking> latest, long now) {
        int topicCount = topics.size();
        long[] covered = new long[topicCount];
        long oldestWindow = Long.MAX_VALUE;
        int largestTopic = 0;
        for (TopicRanking ranking : latest.values()) {
            largestTopic = Math.max(largestTopic, ranking.ranked().size());
        }
        // one map entry per host holding all it needs: one hash lookup per (host, topic)
        HashMap<String, HostValues> byHost = new HashMap<>(Math.max(16, largestTopic * 4 / 3 + 1));
        for (TopicRanking ranking : latest.values()) {
            Integer index = topicIndex.get(ranking.topic());
            if (index == null) {
                continue;
            }
            covered[index] = ranking.coveredMillis();
            oldestWindow = Math.min(oldestWindow, ranking.windowAtMillis());
            for (HostAverage average : ranking.ranked()) {
                HostValues values = byHost.get(average.host());
                if (values == null) {
                    values = new HostValues(average.host(), nanArray(topicCount));
                    byHost.put(average.host(), values);
                }
                values.averages[index] = average.average();
                values.lastSeen = Math.max(values.lastSeen, average.lastSampleMillis());
            }
        }

        ArrayList<StaleHost> stale = new ArrayList<>();
        ArrayList<HostValues> reporting = new ArrayList<>(byHost.size());
        double[] totals = new double[topicCount];
        for (HostValues values : byHost.values()) {
            if (now - values.lastSeen > staleAfterMillis) {
                stale.add(new StaleHost(values.host, values.lastSeen));
                continue;
            }
            reporting.add(values);
            for (int t = 0; t < topicCount; t++) {
                if (!Double.isNaN(values.averages[t])) {
                    totals[t] += values.averages[t];
                }
            }
        }

        ArrayList<HostScore> ranked = new ArrayList<>(reporting.size());
        for (HostValues values : reporting) {
            double[] averages = values.averages;
            double[] shares = new double[topicCount];
            boolean incomplete = false;
            double weighted = 0;
            for (int t = 0; t < topicCount; t++) {
                if (Double.isNaN(averages[t])) {
                    incomplete = true;
                } else if (totals[t] > 0) {
                    shares[t] = 100.0 * averages[t] / totals[t];
                    weighted += weights[t] * shares[t];
                }
            }
            ranked.add(new HostScore(values.host, weighted / weightSum, shares, averages, incomplete, values.lastSeen));
        }
        RankingOrder.sortHighestFirst(ranked, HostScore::score, BY_SCORE);
        stale.sort(Comparator.comparing(StaleHost::host));
        return new GlobalRanking(topics, weights.clone(), covered, ranked, stale, now,
                oldestWindow == Long.MAX_VALUE ? now : oldestWindow);
    }

    /** What the scorer gathers about one host across the topics. */
    private static final class HostValues {
        final String host;
        final double[] averages;
        long lastSeen = Long.MIN_VALUE;

        HostValues(String host, double[] averages) {
            this.host = host;
            this.averages = averages;
        }
    }

    private static double[] nanArray(int length) {
        double[] array = new double[length];
        Arrays.fill(array, Double.NaN);
        return array;
    }
}
