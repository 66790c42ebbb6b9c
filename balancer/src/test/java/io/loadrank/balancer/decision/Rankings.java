package io.loadrank.balancer.decision;

import io.loadrank.balancer.ranking.HostLoad;
import io.loadrank.balancer.ranking.LoadSnapshot;
import io.loadrank.slice.Slice;
import java.util.ArrayList;
import java.util.List;

/** Rankings for the decision tests: hosts h1..hn of one slice, matched to nodes by address. */
final class Rankings {

    static final String DC = "dc1";
    static final Slice SLICE = new Slice("c1", DC);

    private Rankings() {}

    /** A ranking at {@code atMillis} of slice c1/dc1 with hosts h1.. carrying these scores. */
    static LoadSnapshot of(long atMillis, double... scores) {
        List<HostLoad> hosts = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            hosts.add(host("h" + (i + 1), scores[i], false, false));
        }
        return new LoadSnapshot(SLICE, atMillis, hosts);
    }

    static HostLoad host(String name, double score, boolean stale, boolean incomplete) {
        return new HostLoad(name, null, "r1", null, score, stale, incomplete);
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
