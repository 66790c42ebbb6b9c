package io.loadrank.topology;

import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankedHost;
import java.util.Map;

/**
 * Whether a global ranking file is the one made of given topic rankings. The global ranking
 * combines the latest ranking of each topic, so one made while a topic's newer ranking was still on
 * its way shows that topic's older averages: tests that compare "the ranking before" with a later
 * one must first find the global ranking made of the complete topic rankings.
 */
final class GlobalRankingCheck {

    private GlobalRankingCheck() {}

    /**
     * True when {@code global} ranks exactly the hosts of every topic in {@code averagesByTopic}
     * (topic to host to window average), none incomplete, each with those averages.
     */
    static boolean madeOf(GlobalRankingFile global, Map<String, Map<String, Double>> averagesByTopic) {
        for (Map<String, Double> averages : averagesByTopic.values()) {
            if (global.hosts().size() != averages.size()) {
                return false;
            }
        }
        for (RankedHost host : global.hosts()) {
            for (Map.Entry<String, Map<String, Double>> topic : averagesByTopic.entrySet()) {
                Double average = host.averages().get(topic.getKey());
                Double expected = topic.getValue().get(host.host());
                if (host.incomplete() || average == null || expected == null || Math.abs(average - expected) > 1e-9) {
                    return false;
                }
            }
        }
        return true;
    }
}
