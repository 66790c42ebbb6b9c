package io.loadrank.producer.hostinfo;

import java.util.Map;

/**
 * Receives the raw values of a Cassandra node's identity as a scraper reads them
 * (docs/DATACENTERS.md): the JMX scraper calls it, {@link HostInfoCollector} implements it, so
 * the rules are tested without JMX. A method not called means "no value".
 */
public interface HostInfoReceiver {

    /** The attributes of {@code org.apache.cassandra.db:type=EndpointSnitchInfo} that exist: {@code Datacenter}, {@code Rack}. */
    void snitch(Map<String, ?> attributes);

    /**
     * The attributes of {@code org.apache.cassandra.db:type=StorageService} that exist:
     * {@code LocalHostId}, {@code ClusterName}, {@code HostIdToEndpoint} (host id to address).
     */
    void storageService(Map<String, ?> attributes);
}
