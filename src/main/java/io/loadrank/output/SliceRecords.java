package io.loadrank.output;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.HostLastSeen;
import io.loadrank.scoring.HostScore;
import io.loadrank.scoring.SliceScores;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceStaleHost;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The global ranking cut into its slices as their readers see them ({@link SliceRanking}): what goes
 * on the rankings topic, one record (or a few parts) per slice, and into the slices' JSON files
 * (docs/OUTPUT.md).
 */
public final class SliceRecords {

    private SliceRecords() {}

    /**
     * Every slice of {@code ranking}, in slice order.
     *
     * @param windowSecs the configured window
     * @param emitSecs   the configured emit interval
     */
    public static List<SliceRanking> of(GlobalRanking ranking, int windowSecs, int emitSecs) {
        IdentityHashMap<HostScore, Integer> fleetRanks =
                new IdentityHashMap<>(ranking.ranked().size() * 2);
        for (int i = 0; i < ranking.ranked().size(); i++) {
            fleetRanks.put(ranking.ranked().get(i), i + 1);
        }
        ArrayList<SliceRanking> slices = new ArrayList<>(ranking.slices().size());
        for (SliceScores slice : ranking.slices()) {
            ArrayList<SliceHost> hosts = new ArrayList<>(slice.ranked().size());
            for (HostScore host : slice.ranked()) {
                HostInfo info = host.info();
                hosts.add(new SliceHost(
                        host.host(),
                        host.dcRank(),
                        host.dcScore(),
                        host.load(),
                        fleetRanks.get(host),
                        host.score(),
                        host.incomplete(),
                        info == null ? null : info.hostId(),
                        info == null ? null : info.address(),
                        info == null ? null : info.rack(),
                        host.averages(),
                        host.lastSeenMillis()));
            }
            ArrayList<SliceStaleHost> stale = new ArrayList<>(slice.stale().size());
            for (HostLastSeen host : slice.stale()) {
                HostInfo info = host.info();
                stale.add(new SliceStaleHost(
                        host.host(),
                        host.lastSeenMillis(),
                        info == null ? null : info.hostId(),
                        info == null ? null : info.address(),
                        info == null ? null : info.rack()));
            }
            slices.add(new SliceRanking(
                    slice.slice(),
                    ranking.rankedAtMillis(),
                    windowSecs,
                    emitSecs,
                    ranking.topics(),
                    ranking.weights(),
                    hosts,
                    stale,
                    ranking.windowsAtMillis()));
        }
        return slices;
    }
}
