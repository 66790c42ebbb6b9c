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
            // a host without host info has no datacenter: dcScore rules skip it (NaN), although the
            // scorer ranks the hosts without host info as a slice of their own
            double dcScore = host.datacenter() == null ? Double.NaN : host.dcScore();
            ranked.add(new FleetSnapshot.Host(host.host(), host.datacenter(), host.score(), dcScore, host.averages()));
        }
        List<FleetSnapshot.Stale> stale = new ArrayList<>(ranking.stale().size());
        for (HostLastSeen host : ranking.stale()) {
            stale.add(new FleetSnapshot.Stale(
                    host.host(), host.info() == null ? null : host.info().datacenter(), host.lastSeenMillis()));
        }
        return new FleetSnapshot(ranking.rankedAtMillis(), ranking.topics(), ranked, stale);
    }
}
