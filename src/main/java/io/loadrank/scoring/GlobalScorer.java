package io.loadrank.scoring;

import io.loadrank.ranking.HostAverage;
import io.loadrank.ranking.TopicRanking;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines the latest ranking of every topic into the global ranking (SPEC sections 3.1, 3.2):
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

    private static final Comparator<HostScore> BY_SCORE =
            Comparator.comparingDouble(HostScore::score).reversed().thenComparing(HostScore::host);

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
        Map<String, double[]> averagesByHost = new HashMap<>();
        Map<String, Long> lastSeenByHost = new HashMap<>();
        for (TopicRanking ranking : latest.values()) {
            Integer index = topicIndex.get(ranking.topic());
            if (index == null) {
                continue;
            }
            covered[index] = ranking.coveredMillis();
            for (HostAverage average : ranking.ranked()) {
                double[] averages = averagesByHost.computeIfAbsent(average.host(), host -> nanArray(topicCount));
                averages[index] = average.average();
                lastSeenByHost.merge(average.host(), average.lastSampleMillis(), Math::max);
            }
        }

        ArrayList<StaleHost> stale = new ArrayList<>();
        List<Map.Entry<String, double[]>> reporting = new ArrayList<>(averagesByHost.size());
        double[] totals = new double[topicCount];
        for (Map.Entry<String, double[]> entry : averagesByHost.entrySet()) {
            long lastSeen = lastSeenByHost.get(entry.getKey());
            if (now - lastSeen > staleAfterMillis) {
                stale.add(new StaleHost(entry.getKey(), lastSeen));
                continue;
            }
            reporting.add(entry);
            double[] averages = entry.getValue();
            for (int t = 0; t < topicCount; t++) {
                if (!Double.isNaN(averages[t])) {
                    totals[t] += averages[t];
                }
            }
        }

        ArrayList<HostScore> ranked = new ArrayList<>(reporting.size());
        for (Map.Entry<String, double[]> entry : reporting) {
            double[] averages = entry.getValue();
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
            ranked.add(new HostScore(entry.getKey(), weighted / weightSum, shares, averages, incomplete,
                    lastSeenByHost.get(entry.getKey())));
        }
        ranked.sort(BY_SCORE);
        stale.sort(Comparator.comparing(StaleHost::host));
        return new GlobalRanking(topics, weights.clone(), covered, ranked, stale, now);
    }

    private static double[] nanArray(int length) {
        double[] array = new double[length];
        Arrays.fill(array, Double.NaN);
        return array;
    }
}
