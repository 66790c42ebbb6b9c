package io.loadrank.scoring;

import io.loadrank.hosts.HostInfoStats;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * The global ranking at one moment.
 *
 * @param topics         the metric topics, in configuration order; indexes the per-topic arrays
 * @param weights        the weight of each topic, same order
 * @param coveredMillis  per topic, how much time its window covers
 * @param ranked         the hosts that report, highest score first, ties by host name
 * @param stale          the hosts that stopped reporting, by host name; not part of the shares
 * @param rankedAtMillis when the ranking was made
 * @param windowsAtMillis the oldest {@link io.loadrank.ranking.TopicRanking#windowAtMillis()} of the
 *                        topic rankings combined; the ranking time if none
 * @param slices         the ranking of every slice with hosts in the window (reporting or stale), in
 *                       {@link io.loadrank.slice.Slice#ORDER}; the hosts without host info are one slice
 * @param hostInfo       what the host-info topic brought so far, or null when it is not read
 * @param messages       per topic: the messages its ranking has seen since start (0 for a topic that
 *                       has had none yet, or no ranking yet), so that a topic nobody sends to is named
 */
public record GlobalRanking(
        ArrayList<String> topics,
        double[] weights,
        long[] coveredMillis,
        ArrayList<HostScore> ranked,
        ArrayList<HostLastSeen> stale,
        long rankedAtMillis,
        long windowsAtMillis,
        ArrayList<SliceScores> slices,
        HostInfoStats hostInfo,
        long[] messages)
        implements Serializable {

    /** A ranking without slices (tests of what reads only the fleet). */
    public GlobalRanking(
            ArrayList<String> topics,
            double[] weights,
            long[] coveredMillis,
            ArrayList<HostScore> ranked,
            ArrayList<HostLastSeen> stale,
            long rankedAtMillis,
            long windowsAtMillis) {
        this(
                topics,
                weights,
                coveredMillis,
                ranked,
                stale,
                rankedAtMillis,
                windowsAtMillis,
                new ArrayList<>(),
                null,
                null);
    }

    /** The topics that have had no message since start, in configuration order (none when not known). */
    public java.util.List<String> topicsWithoutMessages() {
        java.util.List<String> silent = new ArrayList<>();
        for (int t = 0; messages != null && t < topics.size(); t++) {
            if (messages[t] == 0) {
                silent.add(topics.get(t));
            }
        }
        return silent;
    }

    /** The same ranking with the host-info counts to publish beside it. */
    public GlobalRanking withHostInfo(HostInfoStats stats) {
        return new GlobalRanking(
                topics,
                weights,
                coveredMillis,
                ranked,
                stale,
                rankedAtMillis,
                windowsAtMillis,
                slices,
                stats,
                messages);
    }
}
