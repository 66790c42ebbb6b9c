package io.loadrank.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far the topology has got through the prefilled topics, from the ingest counters of the
 * topic ranking files, and the rate it did it at (docs/BENCHMARKS.md, sustained ingest).
 *
 * <p>A topic is done when everything the topology counted for it (accepted + duplicates + late +
 * early + malformed) reaches what Kafka holds. The rate is measured between window snapshots,
 * whose times the files carry ({@code windowAtMillis}): the messages counted between each topic's
 * first snapshot that shows progress and its first that shows completion, over the time from the
 * earliest of those first snapshots to the latest completion. The messages counted before the
 * first progress snapshot are left out with the time they took (unknown: the spout may have
 * started any time in the preceding emit interval), so start-up is not in the figure.
 *
 * <p>Pure logic: no files, no clock.
 */
final class IngestProgress {

    /** What a window did with the samples of one topic since start (the {@code ingest} object). */
    record Counts(long accepted, long duplicates, long late, long early, long malformed) {

        static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

        long counted() {
            return accepted + duplicates + late + early + malformed;
        }

        Counts plus(Counts other) {
            return new Counts(
                    accepted + other.accepted,
                    duplicates + other.duplicates,
                    late + other.late,
                    early + other.early,
                    malformed + other.malformed);
        }
    }

    private static final class TopicState {
        final long total;
        long lastSnapshotMillis = Long.MIN_VALUE;
        Counts latest = Counts.ZERO;
        long progressAtMillis = Long.MIN_VALUE;
        long countedAtProgress;
        long completeAtMillis = Long.MIN_VALUE;
        long countedAtComplete;

        TopicState(long total) {
            this.total = total;
        }

        boolean complete() {
            return completeAtMillis != Long.MIN_VALUE;
        }
    }

    private final Map<String, TopicState> topics = new LinkedHashMap<>();

    /** @param totals per topic, the messages Kafka holds (end offsets - beginning offsets) */
    IngestProgress(Map<String, Long> totals) {
        if (totals.isEmpty()) {
            throw new IllegalArgumentException("no topics to watch");
        }
        totals.forEach((topic, total) -> topics.put(topic, new TopicState(total)));
    }

    /** One version of a topic ranking file: its window snapshot time and its ingest counters. */
    void snapshot(String topic, long windowAtMillis, Counts counts) {
        TopicState state = topics.get(topic);
        if (state == null) {
            throw new IllegalArgumentException("not a watched topic: " + topic);
        }
        if (windowAtMillis <= state.lastSnapshotMillis) {
            return; // the same snapshot again (the file was rewritten), or an older one
        }
        state.lastSnapshotMillis = windowAtMillis;
        state.latest = counts;
        long counted = counts.counted();
        if (state.progressAtMillis == Long.MIN_VALUE && counted > 0) {
            state.progressAtMillis = windowAtMillis;
            state.countedAtProgress = counted;
        }
        if (!state.complete() && counted >= state.total) {
            state.completeAtMillis = windowAtMillis;
            state.countedAtComplete = counted;
        }
    }

    boolean complete() {
        return topics.values().stream().allMatch(TopicState::complete);
    }

    /** Kafka's total over all topics. */
    long total() {
        return topics.values().stream().mapToLong(s -> s.total).sum();
    }

    /** The latest counters, summed over the topics. */
    Counts counted() {
        return topics.values().stream().map(s -> s.latest).reduce(Counts.ZERO, Counts::plus);
    }

    /** Per topic not yet complete: what was counted of what Kafka holds. */
    Map<String, String> missing() {
        Map<String, String> missing = new LinkedHashMap<>();
        topics.forEach((topic, state) -> {
            if (!state.complete()) {
                missing.put(
                        topic,
                        state.latest.counted() + " of " + state.total + " counted"
                                + (state.lastSnapshotMillis == Long.MIN_VALUE ? " (no ranking file yet)" : ""));
            }
        });
        return missing;
    }

    /** Milliseconds from the earliest first-progress snapshot to the latest completion; NaN before. */
    double measuredMillis() {
        if (!complete()) {
            return Double.NaN;
        }
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (TopicState state : topics.values()) {
            if (state.total == 0) {
                continue;
            }
            from = Math.min(from, state.progressAtMillis);
            to = Math.max(to, state.completeAtMillis);
        }
        return from == Long.MAX_VALUE ? Double.NaN : to - from;
    }

    /** Messages counted within {@link #measuredMillis()}. */
    long measuredMessages() {
        return topics.values().stream()
                .filter(TopicState::complete)
                .mapToLong(s -> s.countedAtComplete - s.countedAtProgress)
                .sum();
    }

    /**
     * Messages per second over the measured interval; NaN before completion or when everything
     * was counted within one snapshot (too few messages for the emit interval).
     */
    double messagesPerSecond() {
        double millis = measuredMillis();
        if (!(millis > 0)) {
            return Double.NaN;
        }
        return measuredMessages() * 1000.0 / millis;
    }
}
