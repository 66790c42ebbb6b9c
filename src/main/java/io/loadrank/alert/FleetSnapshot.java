package io.loadrank.alert;

import java.util.List;

/**
 * What the alert rules look at, taken from one global ranking: the ranked hosts in rank order and
 * the stale ones. Independent of how the ranking was made, so the rules are tested with plain values.
 *
 * @param atMillis the time of the ranking
 * @param topics   the topics, in the order of every host's {@code averages}
 * @param ranked   the ranked hosts, highest score first
 * @param stale    the stale hosts
 */
public record FleetSnapshot(long atMillis, List<String> topics, List<Host> ranked, List<Stale> stale) {

    /**
     * @param datacenter null when the host has no datacenter
     * @param dcScore    its score within its datacenter; NaN when unknown
     * @param averages   per topic, NaN where it has none
     */
    public record Host(String host, String datacenter, double score, double dcScore, double[] averages) {}

    public record Stale(String host, String datacenter, long lastSeenMillis) {}
}
