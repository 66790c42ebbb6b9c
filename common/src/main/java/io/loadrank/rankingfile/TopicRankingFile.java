package io.loadrank.rankingfile;

import java.util.List;

/**
 * {@code <topic>.json}: one topic's hosts by window average, highest first.
 *
 * @param windowAtMillis          when the rolling bolts took the window snapshots of this ranking
 * @param windowSeconds           how much of the window the samples cover
 * @param configuredWindowSeconds the configured window length
 * @param ingest                  what the topic's parsers and windows took and refused
 */
public record TopicRankingFile(
        String topic,
        String rankedAt,
        long rankedAtMillis,
        long windowAtMillis,
        double windowSeconds,
        double configuredWindowSeconds,
        List<TopicHost> hosts,
        IngestCounts ingest) {}
