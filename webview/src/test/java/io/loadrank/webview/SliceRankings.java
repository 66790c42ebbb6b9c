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
        int n = hosts.size();
        double weights = n * (n + 1) / 2.0;
        List<SliceHost> ranked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double score = 100 * (n - i) / weights;
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
                    new double[] {score, 50 + i % 7}));
        }
        List<SliceStaleHost> stale = new ArrayList<>();
        for (String host : staleHosts) {
            stale.add(new SliceStaleHost(host, at - 20_000, null, null, "rack0"));
        }
        return new SliceRanking(slice, at, 60, 2, TOPICS, new double[] {1, 1}, ranked, stale);
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
