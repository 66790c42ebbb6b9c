package io.loadrank.rankingfile;

/**
 * A host of a topic ranking.
 *
 * @param average the mean of the host's samples in the window
 * @param samples how many samples the window holds
 */
public record TopicHost(int rank, String host, double average, long samples, String lastSeen, long lastSeenMillis) {}
