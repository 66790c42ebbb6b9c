package io.loadrank.ranking;

import io.loadrank.message.MalformedReason;
import io.loadrank.window.HostAverage;
import io.loadrank.window.WindowCounters;
import io.loadrank.window.WindowSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the partial windows of the tasks of one rolling stage into one topic ranking.
 *
 * <p>With parallelism greater than one, each rolling task holds the hosts that fields grouping
 * sends it, so the partials are disjoint and the ranking is their union, sorted. A task that has
 * stopped reporting (killed, or rebalanced away) must not freeze its hosts in the ranking forever,
 * so a partial older than {@code maxPartialAgeMillis} is dropped.
 *
 * <p>Not thread-safe: one Storm task owns one instance; times are passed in.
 */
public final class TopicRankingAssembler {

    private final String topic;
    private final long maxPartialAgeMillis;
    private final Map<Integer, WindowSnapshot> partials = new HashMap<>();
    private final Map<Integer, EnumMap<MalformedReason, Long>> malformedByTask = new HashMap<>();
    private final Set<Integer> reportedThisRound = new HashSet<>();

    public TopicRankingAssembler(String topic, long maxPartialAgeMillis) {
        this.topic = topic;
        this.maxPartialAgeMillis = maxPartialAgeMillis;
    }

    /** Records the latest window of one rolling task. */
    public void acceptWindow(int taskId, WindowSnapshot snapshot) {
        partials.put(taskId, snapshot);
        reportedThisRound.add(taskId);
    }

    /** Records the cumulative malformed-message counts of one parser task. */
    public void acceptMalformedCounts(int taskId, Map<MalformedReason, Long> counts) {
        EnumMap<MalformedReason, Long> copy = new EnumMap<>(MalformedReason.class);
        copy.putAll(counts);
        malformedByTask.put(taskId, copy);
    }

    /** True once every one of {@code expectedTasks} rolling tasks has reported since the last ranking. */
    public boolean roundComplete(int expectedTasks) {
        return reportedThisRound.size() >= expectedTasks;
    }

    /** True if any rolling task has reported since the last ranking. */
    public boolean hasNews() {
        return !reportedThisRound.isEmpty();
    }

    /** Ranks the union of the current partials and starts a new round. */
    public TopicRanking rank(long now) {
        partials.values().removeIf(snapshot -> now - snapshot.takenAtMillis() > maxPartialAgeMillis);
        reportedThisRound.clear();

        int hosts = 0;
        for (WindowSnapshot snapshot : partials.values()) {
            hosts += snapshot.averages().size();
        }
        ArrayList<HostAverage> ranked = new ArrayList<>(hosts);
        long covered = 0;
        long oldestSnapshot = partials.isEmpty() ? now : Long.MAX_VALUE;
        List<WindowCounters> counters = new ArrayList<>(partials.size());
        for (WindowSnapshot snapshot : partials.values()) {
            ranked.addAll(snapshot.averages());
            covered = Math.max(covered, snapshot.coveredMillis());
            oldestSnapshot = Math.min(oldestSnapshot, snapshot.takenAtMillis());
            counters.add(snapshot.counters());
        }
        RankingOrder.sortByAverage(ranked);
        return new TopicRanking(
                topic, ranked, covered, IngestStats.sum(counters, malformedByTask.values()), now, oldestSnapshot);
    }
}
