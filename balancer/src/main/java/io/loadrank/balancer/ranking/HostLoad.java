package io.loadrank.balancer.ranking;

/**
 * One host of the session's slice as the balancer's decisions see it (made from the shared
 * {@link io.loadrank.slice.SliceHost} or {@link io.loadrank.slice.SliceStaleHost} by {@link LoadSnapshots}).
 *
 * @param host       the host name the producer reports under
 * @param address    the host's address (IP literal or name) from its host info, else null
 * @param rack       null when unknown
 * @param hostId     Cassandra's host id (a UUID, lower case), null when unknown
 * @param score      its score within the slice (the slice's scores add up to 100), NaN for a stale host
 * @param stale      no recent sample: out of the slice's shares, never to be treated as hot or cool
 * @param incomplete a metric is missing: its score is not comparable with the others
 */
public record HostLoad(
        String host, String address, String rack, String hostId, double score, boolean stale, boolean incomplete) {

    public boolean hasScore() {
        return !Double.isNaN(score);
    }

    /** Stable identity across rankings: the host id when known, else the host name. */
    public String key() {
        return hostId != null ? hostId : host;
    }
}
