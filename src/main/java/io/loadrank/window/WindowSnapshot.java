package io.loadrank.window;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * The averages of every host in a window at one moment.
 *
 * @param averages      one entry per host with at least one sample in the window, in no order
 * @param coveredMillis how much time the window really covers: the window length, or less when
 *                      less history exists (a topic, or a topology, younger than the window)
 * @param counters      what the window did with the samples it was given so far
 * @param takenAtMillis the moment of the snapshot
 */
public record WindowSnapshot(
        ArrayList<HostAverage> averages, long coveredMillis, WindowCounters counters, long takenAtMillis)
        implements Serializable {}
