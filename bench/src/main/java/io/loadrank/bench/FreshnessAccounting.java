package io.loadrank.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The produced-at to visible-in-the-ranking-file delays of the live phase (docs/BENCHMARKS.md,
 * freshness), from successive versions of one ranking file.
 *
 * <p>The live simulator sends round {@code k} of every host that is not silent at the sample
 * time {@code liveStart + k * period + offset(host)}, where the offset is the host's slice of a
 * spread round (0 when a round is sent at once). A file version lists, per host, the time of its newest
 * sample ({@code lastSeenMillis}); when it advances from {@code previous} to {@code newest}, every
 * sample the host sent in {@code (previous, newest]} became visible with that version, not only
 * the newest: older samples of the same version waited longer. Each counts one delay = the time
 * the version was seen - the sample time. Rounds in which the host was silent were never sent and
 * count nothing; samples from before the live phase (the prefill) count nothing either.
 *
 * <p>Pure logic: no files, no clock.
 */
final class FreshnessAccounting {

    /** Which rounds the live simulator sent for a host (false: the host was silent then). */
    @FunctionalInterface
    interface SentRounds {
        boolean sent(String host, long round);
    }

    /**
     * How long after its round's start a host's sample is taken: its slice of a spread round
     * (the simulator's {@code --spread}), 0 when rounds are sent at once.
     */
    @FunctionalInterface
    interface SampleOffsets {
        long offsetMillis(String host);
    }

    private final long liveStartMillis;
    private final long periodMillis;
    private final SentRounds sentRounds;
    private final SampleOffsets offsets;
    private final DelayHistogram delays;
    private final Map<String, long[]> lastSeen = new HashMap<>();
    private long visibleSamples;
    private long neverVisibleSamples;

    FreshnessAccounting(long liveStartMillis, long periodMillis, SentRounds sentRounds, DelayHistogram delays) {
        this(liveStartMillis, periodMillis, sentRounds, host -> 0, delays);
    }

    FreshnessAccounting(
            long liveStartMillis,
            long periodMillis,
            SentRounds sentRounds,
            SampleOffsets offsets,
            DelayHistogram delays) {
        if (periodMillis < 1) {
            throw new IllegalArgumentException("the period must be at least 1 ms, got " + periodMillis);
        }
        this.liveStartMillis = liveStartMillis;
        this.periodMillis = periodMillis;
        this.sentRounds = sentRounds;
        this.offsets = offsets;
        this.delays = delays;
    }

    /** The host's newest sample in the file version read before the live phase: counts nothing. */
    void baseline(String host, long lastSeenMillis) {
        long[] known = lastSeen.computeIfAbsent(host, h -> new long[] {Long.MIN_VALUE});
        known[0] = Math.max(known[0], lastSeenMillis);
    }

    /** The host's newest sample in a file version first seen at {@code visibleMillis}. */
    void seen(String host, long lastSeenMillis, long visibleMillis) {
        long[] known = lastSeen.computeIfAbsent(host, h -> new long[] {Long.MIN_VALUE});
        if (lastSeenMillis <= known[0]) {
            return;
        }
        long offset = offsets.offsetMillis(host);
        long from = firstRoundAfter(known[0], offset);
        long to = lastRoundAtOrBefore(lastSeenMillis, offset);
        for (long round = from; round <= to; round++) {
            if (sentRounds.sent(host, round)) {
                delays.record(visibleMillis - sampleTime(round, offset));
                visibleSamples++;
            }
        }
        known[0] = lastSeenMillis;
    }

    /**
     * At the end of the live phase: every sample that {@code host} sent at least
     * {@code minAgeMillis} before {@code endMillis} and that no version showed waited at least
     * {@code endMillis - sampleTime}; counted with that lower bound, so that a topology that falls
     * behind cannot hide its slowest samples by never showing them.
     */
    void finish(Iterable<String> hosts, long endMillis, long minAgeMillis) {
        for (String host : hosts) {
            long offset = offsets.offsetMillis(host);
            long to = lastRoundAtOrBefore(endMillis - minAgeMillis, offset);
            long[] known = lastSeen.get(host);
            long from = firstRoundAfter(known == null ? Long.MIN_VALUE : known[0], offset);
            for (long round = from; round <= to; round++) {
                if (sentRounds.sent(host, round)) {
                    delays.record(endMillis - sampleTime(round, offset));
                    neverVisibleSamples++;
                }
            }
        }
    }

    /** Samples counted because a file version showed them. */
    long visibleSamples() {
        return visibleSamples;
    }

    /** Samples counted at the end because no version had shown them yet. */
    long neverVisibleSamples() {
        return neverVisibleSamples;
    }

    private long sampleTime(long round, long offset) {
        return liveStartMillis + offset + round * periodMillis;
    }

    /** The first live round whose sample time (for a host at {@code offset}) is after {@code millis}. */
    private long firstRoundAfter(long millis, long offset) {
        long first = liveStartMillis + offset;
        if (millis < first) {
            return 0;
        }
        return Math.floorDiv(millis - first, periodMillis) + 1;
    }

    /** The last live round whose sample time (for a host at {@code offset}) is at or before {@code millis}; -1 if none. */
    private long lastRoundAtOrBefore(long millis, long offset) {
        long first = liveStartMillis + offset;
        if (millis < first) {
            return -1;
        }
        return Math.floorDiv(millis - first, periodMillis);
    }
}
