package io.loadrank.balancer.decision;

import io.loadrank.balancer.ranking.HostLoad;
import io.loadrank.balancer.ranking.LoadSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Rankings for the decision tests: hosts h1..hn of one datacenter, matched to nodes by address. */
final class Rankings {

    static final String DC = "dc1";

    private Rankings() {}

    /** A ranking at {@code atMillis} with hosts h1.. in datacenter dc1 carrying these dcScores. */
    static LoadSnapshot of(long atMillis, double... dcScores) {
        List<HostLoad> hosts = new ArrayList<>();
        for (int i = 0; i < dcScores.length; i++) {
            hosts.add(host("h" + (i + 1), dcScores[i], false, false));
        }
        return new LoadSnapshot(atMillis, hosts);
    }

    static HostLoad host(String name, double dcScore, boolean stale, boolean incomplete) {
        return new HostLoad(name, null, DC, "r1", null, dcScore, 0, dcScore, stale, incomplete);
    }

    /** Driver-side nodes h1..hn of dc1 (addresses equal to the ranked host names). */
    static List<NodeIdentity> nodes(int count) {
        List<NodeIdentity> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(node("h" + i));
        }
        return nodes;
    }

    static NodeIdentity node(String address) {
        return new NodeIdentity(null, List.of(address), DC);
    }
}
