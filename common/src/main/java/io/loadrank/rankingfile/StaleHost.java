package io.loadrank.rankingfile;

/**
 * A host of the global ranking file that sent nothing lately, left out of the shares.
 *
 * @param datacenter the host's datacenter, or null in files without datacenters
 * @param rack       the host's rack, or null
 * @param hostId     the host's identity within its cluster, or null
 */
public record StaleHost(
        String host,
        boolean stale,
        String lastSeen,
        long lastSeenMillis,
        String datacenter,
        String rack,
        String hostId) {}
