package io.loadrank.balancer.ranking;

/**
 * One host of a rankings record as the balancer's decisions see it (read from the shared
 * {@link io.loadrank.rankingfile.RankedHost} by {@link LoadSnapshots}): numbers unboxed, unknowns
 * as 0 or NaN, stale hosts flagged.
 *
 * @param host        the host name the producer reports under
 * @param address     the host's address (IP literal or name) when the record carries one, else null
 * @param datacenter  the host's datacenter, null when the topology has no host info for it
 * @param rack        null when unknown
 * @param hostId      Cassandra's host id (a UUID, lower case), null when unknown
 * @param score       the fleet-wide score
 * @param dcRank      rank within its datacenter (1 = hottest), 0 when unknown
 * @param dcScore     score within its datacenter, NaN when unknown
 * @param stale       no recent sample: never to be treated as hot or cool
 * @param incomplete  a metric is missing: its score is not comparable with the others
 */
public record HostLoad(
        String host,
        String address,
        String datacenter,
        String rack,
        String hostId,
        double score,
        int dcRank,
        double dcScore,
        boolean stale,
        boolean incomplete) {

    public boolean hasDcScore() {
        return !Double.isNaN(dcScore);
    }

    /** Stable identity across records: the host id when known, else the host name. */
    public String key() {
        return hostId != null ? hostId : host;
    }
}
