package io.loadrank.balancer.decision;

import io.loadrank.balancer.ranking.HostLoad;
import java.util.List;

/**
 * Whether a driver node of the local datacenter is a ranked host of the session's slice (the datacenters
 * agree: {@link Steering} only asks with a ranking of the local datacenter's slice). The host id decides
 * when both sides know it (addresses are reused, ids are not); otherwise a node address equal to the
 * host's {@code address} or its name. No name is ever resolved: a DNS lookup has no place in a decision
 * that must never wait.
 */
public final class NodeMatcher {

    private NodeMatcher() {}

    public static boolean matches(NodeIdentity node, HostLoad host) {
        if (node.hostId() != null && host.hostId() != null) {
            return node.hostId().equals(host.hostId());
        }
        return containsIgnoringCase(node.addresses(), host.address())
                || containsIgnoringCase(node.addresses(), host.host());
    }

    private static boolean containsIgnoringCase(List<String> addresses, String wanted) {
        if (wanted == null) {
            return false;
        }
        for (String address : addresses) {
            if (address.equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }
}
