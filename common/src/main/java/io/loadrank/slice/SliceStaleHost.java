package io.loadrank.slice;

/**
 * A host of a slice that stopped reporting: left out of the slice's shares, never demoted, listed so
 * that a reader does not take its silence for a light load.
 *
 * @param host           the host name
 * @param lastSeenMillis its newest sample time over all topics
 * @param hostId         its Cassandra host id, or null
 * @param address        its address from its host info, or null
 * @param rack           its rack, or null
 */
public record SliceStaleHost(String host, long lastSeenMillis, String hostId, String address, String rack) {}
