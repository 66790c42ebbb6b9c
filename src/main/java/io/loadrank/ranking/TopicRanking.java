package io.loadrank.ranking;

import io.loadrank.window.HostAverage;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * The ranking of every host of one metric topic.
 *
 * @param topic          the metric topic
 * @param ranked         every host with samples in the window, most loaded first ({@link RankingOrder})
 * @param coveredMillis  how much time the window covers (the window length unless less history exists)
 * @param stats          what happened to the topic's messages so far
 * @param rankedAtMillis when the ranking was made
 * @param windowAtMillis when the oldest of the window snapshots it is made of was taken (the
 *                       data behind the ranking is at least this old); the ranking time if none
 */
public record TopicRanking(
        String topic,
        ArrayList<HostAverage> ranked,
        long coveredMillis,
        IngestStats stats,
        long rankedAtMillis,
        long windowAtMillis)
        implements Serializable {}
