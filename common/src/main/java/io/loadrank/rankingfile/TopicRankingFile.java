package io.loadrank.rankingfile;

/**
 * {@code <topic>.json}: one topic's window and ingest counts. Its hosts' averages and sample counts
 * are in {@link GlobalRankingFile}, once per host.
 *
 * @param windowAtMillis          when the rolling bolts took the window snapshots of this ranking
 * @param windowSeconds           how much of the window the samples cover
 * @param configuredWindowSeconds the configured window length
 * @param rankedHosts             how many hosts the topic's window holds
 * @param ingest                  what the topic's parsers and windows took and refused
 */
public record TopicRankingFile(
        String topic,
        String rankedAt,
        long rankedAtMillis,
        long windowAtMillis,
        double windowSeconds,
        double configuredWindowSeconds,
        int rankedHosts,
        IngestCounts ingest) {}
