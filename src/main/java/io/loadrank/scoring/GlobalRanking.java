package io.loadrank.scoring;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * The global ranking at one moment.
 *
 * @param topics         the metric topics, in configuration order; indexes the per-topic arrays
 * @param weights        the weight of each topic, same order
 * @param coveredMillis  per topic, how much time its window covers
 * @param ranked         the hosts that report, highest score first, ties by host name
 * @param stale          the hosts that stopped reporting, by host name; not part of the shares
 * @param rankedAtMillis when the ranking was made
 * @param windowsAtMillis the oldest {@link io.loadrank.ranking.TopicRanking#windowAtMillis()} of the
 *                        topic rankings combined; the ranking time if none
 */
public record GlobalRanking(ArrayList<String> topics, double[] weights, long[] coveredMillis,
                            ArrayList<HostScore> ranked, ArrayList<StaleHost> stale,
                            long rankedAtMillis, long windowsAtMillis) implements Serializable {
}
