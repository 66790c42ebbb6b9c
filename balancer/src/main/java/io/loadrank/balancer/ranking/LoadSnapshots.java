package io.loadrank.balancer.ranking;

import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceStaleHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a whole slice ranking (read by the shared {@link io.loadrank.slice.SliceRecordFormat} and put
 * together by {@link io.loadrank.slice.SliceAssembler}) into the {@link LoadSnapshot} the decisions take.
 */
public final class LoadSnapshots {

    private LoadSnapshots() {}

    /**
     * What makes a part of a ranking unusable for steering, or null when nothing does. The shared reader
     * takes any number as a score; the balancer steers by a whole ranking or not at all, so a part with a
     * score that is no share (negative, infinite, NaN) is refused as a whole.
     */
    public static String unusable(SliceRanking part) {
        List<SliceHost> hosts = part.hosts();
        for (int i = 0; i < hosts.size(); i++) {
            double score = hosts.get(i).score();
            if (!(score >= 0) || Double.isInfinite(score)) {
                return "hosts[" + i + "] (" + hosts.get(i).host() + ") has score " + score
                        + ", not a finite number >= 0";
            }
        }
        return null;
    }

    public static LoadSnapshot of(SliceRanking ranking) {
        List<HostLoad> hosts =
                new ArrayList<>(ranking.hosts().size() + ranking.stale().size());
        for (SliceHost host : ranking.hosts()) {
            hosts.add(new HostLoad(
                    host.host(),
                    host.address(),
                    host.rack(),
                    normalized(host.hostId()),
                    host.score(),
                    false,
                    host.incomplete()));
        }
        for (SliceStaleHost host : ranking.stale()) {
            hosts.add(new HostLoad(
                    host.host(), host.address(), host.rack(), normalized(host.hostId()), Double.NaN, true, false));
        }
        return new LoadSnapshot(ranking.slice(), ranking.rankedAtMillis(), hosts);
    }

    /** Host ids are UUIDs; the driver prints them in lower case, so matching uses lower case. */
    private static String normalized(String hostId) {
        return hostId == null ? null : hostId.toLowerCase(Locale.ROOT);
    }
}
