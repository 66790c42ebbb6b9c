package io.loadrank.balancer.decision;

import java.util.List;
import java.util.Locale;

/**
 * What the decision knows of a driver node: enough to find it in a ranking, nothing of the driver.
 *
 * @param hostId     Cassandra's host id (lower case), null when unknown
 * @param addresses  the node's broadcast RPC and broadcast addresses (IP literals or names), most specific first
 * @param datacenter the node's datacenter as the driver sees it, null when unknown
 */
public record NodeIdentity(String hostId, List<String> addresses, String datacenter) {

    public NodeIdentity {
        hostId = hostId == null ? null : hostId.toLowerCase(Locale.ROOT);
        addresses = List.copyOf(addresses);
    }

    @Override
    public String toString() {
        String where = addresses.isEmpty() ? "?" : addresses.get(0);
        return hostId == null ? where : where + " (" + hostId + ")";
    }
}
