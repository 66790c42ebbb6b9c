package io.loadrank.webview.view;

import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankedHost;
import io.loadrank.rankingfile.StaleHost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ranking's hosts by datacenter, each datacenter in its own order (by {@code dcRank} when the
 * ranking has one, else by the fleet-wide rank), datacenters by name and the hosts without one last
 * as {@value #NO_DATACENTER}. Made once per ranking, so a request only walks the hosts it shows.
 */
public final class Grouping {

    public static final String NO_DATACENTER = "(no datacenter)";

    private static final Comparator<String> GROUP_ORDER =
            Comparator.comparing((String name) -> name.equals(NO_DATACENTER)).thenComparing(Comparator.naturalOrder());
    private static final Comparator<RankedHost> HOST_ORDER = Comparator.comparing(
                    (RankedHost host) -> host.dcRank() == null ? Integer.MAX_VALUE : host.dcRank())
            .thenComparing(host -> -host.score())
            .thenComparing(RankedHost::host);

    private final Map<String, List<RankedHost>> ranked = new TreeMap<>(GROUP_ORDER);
    private final Map<String, List<StaleHost>> stale = new TreeMap<>(GROUP_ORDER);

    public Grouping(GlobalRankingFile record) {
        for (RankedHost host : record.hosts()) {
            ranked.computeIfAbsent(group(host.datacenter()), name -> new ArrayList<>())
                    .add(host);
        }
        ranked.values().forEach(hosts -> hosts.sort(HOST_ORDER));
        for (StaleHost host : record.stale()) {
            stale.computeIfAbsent(group(host.datacenter()), name -> new ArrayList<>())
                    .add(host);
        }
        for (String name : stale.keySet()) {
            ranked.computeIfAbsent(name, n -> new ArrayList<>());
        }
    }

    public static String group(String datacenter) {
        return datacenter == null || datacenter.isEmpty() ? NO_DATACENTER : datacenter;
    }

    /** Every datacenter with ranked or stale hosts, in display order. */
    public List<String> names() {
        return new ArrayList<>(ranked.keySet());
    }

    public List<RankedHost> ranked(String datacenter) {
        return ranked.getOrDefault(datacenter, List.of());
    }

    public List<StaleHost> stale(String datacenter) {
        return stale.getOrDefault(datacenter, List.of());
    }
}
