package io.loadrank.topology;

import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankedHost;
import java.util.Map;
import java.util.Set;

/**
 * Whether a global ranking file is made of complete topic rankings. The global ranking combines the
 * latest ranking of each topic, so one made while a topic's newer ranking was still on its way shows
 * that topic's older window: tests that compare "the ranking before" with a later one must first
 * find the global ranking in which every topic holds every sample they sent.
 */
final class GlobalRankingCheck {

    private GlobalRankingCheck() {}

    /**
     * True when {@code global} ranks exactly {@code hosts}, none incomplete, and each host of
     * {@code samplesByHost} has exactly that many samples in the window of every topic.
     */
    static boolean complete(GlobalRankingFile global, Set<String> hosts, Map<String, Long> samplesByHost) {
        if (global.hosts().size() != hosts.size()) {
            return false;
        }
        for (RankedHost host : global.hosts()) {
            if (!hosts.contains(host.host()) || host.incomplete() || host.samples() == null) {
                return false;
            }
            Long expected = samplesByHost.get(host.host());
            if (expected != null
                    && (host.samples().size() != global.topics().size()
                            || !host.samples().values().stream().allMatch(expected::equals))) {
                return false;
            }
        }
        return true;
    }
}
