package io.loadrank.scoring;

import java.io.Serializable;

/**
 * One host's place in the global ranking.
 *
 * @param host           the host
 * @param score          its weighted mean share of the load, 0-100 (docs/RANKING.md)
 * @param shares         per topic, in the order of {@link GlobalRanking#topics()}: the host's share of
 *                       the topic's total, 0-100 (0 where the host has no value)
 * @param averages       per topic, same order: the host's window average, NaN where it has none
 * @param incomplete     true if the host has no value for at least one topic
 * @param lastSeenMillis the newest sample time of the host over all topics
 */
public record HostScore(String host, double score, double[] shares, double[] averages, boolean incomplete,
                        long lastSeenMillis) implements Serializable {
}
