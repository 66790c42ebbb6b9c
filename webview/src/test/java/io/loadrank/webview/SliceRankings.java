package io.loadrank.webview;

import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceStaleHost;
import java.util.ArrayList;
import java.util.List;

/** Slice rankings made by hand for the tests: hosts ranked in the order given, scores that add to 100. */
public final class SliceRankings {

    public static final List<String> TOPICS = List.of("cpuLoad", "memLoad");

    private SliceRankings() {}

    /** The ranking of {@code slice} at {@code at} of the hosts named, the first the hottest. */
    public static SliceRanking ranking(Slice slice, long at, String... hosts) {
        return ranking(slice, at, 0, List.of(hosts), List.of());
    }

    /**
     * The ranking of {@code slice} at {@code at}: {@code hosts} ranked in this order, their fleet ranks
     * from {@code fleetRankFrom + 1} on (0: none), and the stale hosts named.
     */
    public static SliceRanking ranking(
            Slice slice, long at, int fleetRankFrom, List<String> hosts, List<String> staleHosts) {
        return ranking(slice, at, fleetRankFrom, hosts, staleHosts, TOPICS);
    }

    /** The same with the topics named: each host's first average is its score, the others 50 and more. */
    public static SliceRanking ranking(
            Slice slice, long at, int fleetRankFrom, List<String> hosts, List<String> staleHosts, List<String> topics) {
        int n = hosts.size();
        double rankSum = n * (n + 1) / 2.0;
        List<SliceHost> ranked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double score = 100 * (n - i) / rankSum;
            ranked.add(new SliceHost(
                    hosts.get(i),
                    i + 1,
                    score,
                    score / (100.0 / n),
                    fleetRankFrom > 0 ? fleetRankFrom + i + 1 : 0,
                    fleetRankFrom > 0 ? score / 10 : Double.NaN,
                    false,
                    "6a0e1c2e-0000-4000-8000-" + String.format("%012d", i),
                    "10.0." + (i / 250) + "." + (i % 250),
                    "rack" + (i % 3),
                    averages(topics.size(), score, i),
                    0));
        }
        List<SliceStaleHost> stale = new ArrayList<>();
        for (String host : staleHosts) {
            stale.add(new SliceStaleHost(host, at - 20_000, null, null, "rack0"));
        }
        double[] weights = new double[topics.size()];
        java.util.Arrays.fill(weights, 1);
        return new SliceRanking(slice, at, 60, 2, topics, weights, ranked, stale, 0);
    }

    private static double[] averages(int topics, double score, int i) {
        double[] averages = new double[topics];
        for (int t = 0; t < topics; t++) {
            averages[t] = t == 0 ? score : 50 + (i + t) % 7;
        }
        return averages;
    }

    /** {@code count} host names {@code prefix0}, {@code prefix1}, ... */
    public static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }
}
