package io.loadrank.balancer.ranking;

import io.loadrank.slice.Slice;
import java.util.Optional;

/**
 * The slice a session steers by: its cluster and its local datacenter. Load can only move between the
 * nodes the session talks to, the nodes of its own cluster's local datacenter.
 */
public final class SessionSlice {

    private SessionSlice() {}

    /**
     * @param configuredCluster the {@code cluster} option: null when unset, "" for the hosts whose host info
     *                          names no cluster (a producer that sends none), else a cluster name
     * @param driverCluster     the cluster name the driver read from the nodes, when it has one
     * @param localDatacenter   the policy's local datacenter, null when it has none
     * @return the slice, or empty without a local datacenter (nothing to steer within)
     */
    public static Optional<Slice> of(String configuredCluster, Optional<String> driverCluster, String localDatacenter) {
        if (localDatacenter == null) {
            return Optional.empty();
        }
        String cluster;
        if (configuredCluster == null) {
            // the producer reports the same name: it reads ClusterName from the node it runs beside
            cluster = driverCluster.orElse(null);
        } else {
            cluster = configuredCluster.isEmpty() ? null : configuredCluster;
        }
        return Optional.of(new Slice(cluster, localDatacenter));
    }

    /** Where the slice's cluster came from, for the start-up log line: the rule above, in words. */
    public static String clusterOrigin(String configuredCluster, Optional<String> driverCluster) {
        if (configuredCluster == null) {
            return driverCluster
                    .map(name -> "'" + name + "' as the driver reads it")
                    .orElse("none: the driver read no cluster name");
        }
        return configuredCluster.isEmpty() ? "none, as configured" : "'" + configuredCluster + "' as configured";
    }
}
