package io.loadrank.rankingfile;

/**
 * A topic of the global ranking.
 *
 * @param windowSeconds how much of the window the topic's ranking covered (a young window covers less)
 */
public record TopicWeight(String topic, double weight, double windowSeconds) {}
