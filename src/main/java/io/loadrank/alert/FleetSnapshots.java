package io.loadrank.alert;

import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.HostLastSeen;
import io.loadrank.scoring.HostScore;
import java.util.ArrayList;
import java.util.List;

/** The alert rules' view of a global ranking. */
public final class FleetSnapshots {

    private FleetSnapshots() {}

    public static FleetSnapshot of(GlobalRanking ranking) {
        List<FleetSnapshot.Host> ranked = new ArrayList<>(ranking.ranked().size());
        for (HostScore host : ranking.ranked()) {
            // a host without host info has no datacenter and a dcScore of NaN: dcScore rules skip it
            ranked.add(new FleetSnapshot.Host(
                    host.host(), host.datacenter(), host.score(), host.dcScore(), host.averages()));
        }
        List<FleetSnapshot.Stale> stale = new ArrayList<>(ranking.stale().size());
        for (HostLastSeen host : ranking.stale()) {
            stale.add(new FleetSnapshot.Stale(
                    host.host(), host.info() == null ? null : host.info().datacenter(), host.lastSeenMillis()));
        }
        return new FleetSnapshot(ranking.rankedAtMillis(), ranking.topics(), ranked, stale);
    }
}
