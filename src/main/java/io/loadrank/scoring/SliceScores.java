package io.loadrank.scoring;

import io.loadrank.slice.Slice;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * The ranking of one slice, a datacenter of a cluster (docs/DATACENTERS.md): its hosts scored among
 * themselves.
 *
 * @param slice  the slice; {@link Slice#UNPLACED} for the hosts without host info
 * @param ranked its reporting hosts, highest {@link HostScore#dcScore()} first, ties by host name; the
 *               same objects as in the fleet ranking
 * @param stale  its hosts that stopped reporting, by host name
 */
public record SliceScores(Slice slice, ArrayList<HostScore> ranked, ArrayList<HostLastSeen> stale)
        implements Serializable {

    /** The mean score within the slice: 100 / hosts when some host has load, 0 without hosts. */
    public double meanScore() {
        if (ranked.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (HostScore host : ranked) {
            sum += host.dcScore();
        }
        return sum / ranked.size();
    }
}
