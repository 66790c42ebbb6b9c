package io.loadrank.scoring;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * The ranking of one datacenter (docs/DATACENTERS.md): its hosts scored among themselves.
 *
 * @param datacenter the datacenter's name, valid as {@link io.loadrank.hostinfo.HostInfoFormat#isValidLocationName} says
 * @param ranked     its reporting hosts, highest {@link HostScore#dcScore()} first, ties by host
 *                   name; the same objects as in the fleet ranking
 * @param stale      its hosts that stopped reporting, by host name
 */
public record DatacenterRanking(String datacenter, ArrayList<HostScore> ranked, ArrayList<HostLastSeen> stale)
        implements Serializable {}
