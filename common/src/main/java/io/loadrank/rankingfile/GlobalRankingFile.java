package io.loadrank.rankingfile;

import java.util.List;

/**
 * GlobalRankings.json: the hosts by score, highest first, and the stale hosts.
 *
 * @param rankedAt        the time of the ranking, ISO-8601
 * @param rankedAtMillis  the same in epoch milliseconds
 * @param windowsAtMillis when the oldest of the topic windows behind this ranking was taken
 * @param topics          the topics with their weights and covered window lengths, in the configured order
 * @param hosts           the ranked hosts, rank 1 first
 * @param stale           the hosts left out of the ranking because they sent nothing lately
 * @param datacenter      the datacenter of a GlobalRankings-&lt;datacenter&gt;.json file; null in the fleet-wide file
 * @param hostInfo        what the topology did with the host-info topic; null when it reads none
 */
public record GlobalRankingFile(
        String rankedAt,
        long rankedAtMillis,
        long windowsAtMillis,
        List<TopicWeight> topics,
        List<RankedHost> hosts,
        List<StaleHost> stale,
        String datacenter,
        HostInfoCounts hostInfo) {}
