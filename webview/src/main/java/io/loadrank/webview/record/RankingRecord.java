package io.loadrank.webview.record;

import java.util.List;
import java.util.Map;

/**
 * One record of the rankings topic (the global ranking, docs/OUTPUT.md), as far as the view reads
 * it. The datacenter fields ({@code datacenter}, {@code rack}, {@code hostId}, {@code dcRank},
 * {@code dcScore}) are optional: null in rankings made without host info.
 */
public record RankingRecord(long rankedAtMillis, List<Topic> topics, List<Host> hosts, List<Stale> stale) {

    public record Topic(String topic, Double weight, Double windowSeconds) {}

    public record Host(
            Integer rank,
            String host,
            Double score,
            Boolean incomplete,
            Long lastSeenMillis,
            Map<String, Double> averages,
            String datacenter,
            String rack,
            String hostId,
            Integer dcRank,
            Double dcScore) {}

    public record Stale(String host, Long lastSeenMillis, String datacenter, String rack) {}
}
