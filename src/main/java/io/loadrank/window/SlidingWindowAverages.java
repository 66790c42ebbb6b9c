package io.loadrank.window;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sliding-window averages per host for one metric (docs/WINDOWS.md).
 *
 * <p>The window is cut by sample time against the caller's clock: at time {@code now} it holds the
 * samples with {@code now - window < sampleTime <= now + futureTolerance}. It is not a count of
 * ticks, so a late emit or a burst of replayed samples cannot stretch or shrink it. A host whose
 * samples are all zero keeps its place (it is averaged like any other); a host without a sample in
 * the whole window leaves it.
 *
 * <p>A sample is identified by (host, sample time) within this window (the topic is the window's
 * own), and a second copy is counted once, so replays after a failure and a read-back that overlaps
 * live consumption leave the averages as they were.
 *
 * <p>Not thread-safe: one Storm task owns one instance. Every method takes the current time as
 * an argument, so that tests control the clock.
 */
public final class SlidingWindowAverages {

    /** Consecutive out-of-window samples after which a host's clock is reported as suspect. */
    static final int SUSPECT_STREAK = 5;

    /** Bound on the hosts tracked for clock trouble, so hostile input cannot grow it without end. */
    static final int MAX_TRACKED_STREAKS = 10_000;

    private final long windowMillis;
    private final long futureToleranceMillis;
    private final Map<String, HostSamples> hosts = new HashMap<>();
    private final Map<String, Integer> outsideStreaks = new HashMap<>();
    private final Set<String> newClockSuspects = new LinkedHashSet<>();

    private long firstAcceptedTime = Long.MAX_VALUE;
    private long accepted;
    private long duplicates;
    private long late;
    private long early;

    public SlidingWindowAverages(long windowMillis, long futureToleranceMillis) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("window must be positive, got " + windowMillis + " ms");
        }
        if (futureToleranceMillis < 0) {
            throw new IllegalArgumentException(
                    "future tolerance must not be negative, got " + futureToleranceMillis + " ms");
        }
        this.windowMillis = windowMillis;
        this.futureToleranceMillis = futureToleranceMillis;
    }

    /** Offers one sample to the window at time {@code now}. */
    public SampleOutcome add(String host, double value, long sampleTime, long now) {
        if (sampleTime <= now - windowMillis) {
            late++;
            recordOutside(host);
            return SampleOutcome.LATE;
        }
        if (sampleTime > now + futureToleranceMillis) {
            early++;
            recordOutside(host);
            return SampleOutcome.EARLY;
        }
        HostSamples samples = hosts.get(host);
        if (samples == null) {
            samples = new HostSamples();
            // one String per host name in the JVM, whatever the topic: the global scorer joins
            // the topics' rankings by host name, 5 hash lookups per host per emit, and with one
            // instance each lookup ends at ==, without reading the characters (once per new host)
            hosts.put(host.intern(), samples);
        } else {
            samples.expireUpTo(now - windowMillis);
        }
        if (!samples.add(sampleTime, value)) {
            duplicates++;
            return SampleOutcome.DUPLICATE;
        }
        accepted++;
        if (sampleTime < firstAcceptedTime) {
            firstAcceptedTime = sampleTime;
        }
        if (!outsideStreaks.isEmpty()) {
            outsideStreaks.remove(host);
        }
        return SampleOutcome.ACCEPTED;
    }

    /**
     * Expires what has fallen out of the window at {@code now}, drops hosts left without samples,
     * and returns the average of every remaining host.
     */
    public WindowSnapshot snapshot(long now) {
        long cutoff = now - windowMillis;
        ArrayList<HostAverage> averages = new ArrayList<>(hosts.size());
        Iterator<Map.Entry<String, HostSamples>> entries = hosts.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, HostSamples> entry = entries.next();
            HostSamples samples = entry.getValue();
            samples.expireUpTo(cutoff);
            if (samples.isEmpty()) {
                entries.remove();
            } else {
                averages.add(new HostAverage(entry.getKey(), samples.average(), samples.size(), samples.newestTime()));
            }
        }
        return new WindowSnapshot(averages, coveredMillis(now), counters(), now);
    }

    /** How much of the window has history at {@code now}: between 0 and the window length. */
    public long coveredMillis(long now) {
        if (firstAcceptedTime == Long.MAX_VALUE) {
            return 0;
        }
        return Math.max(0, Math.min(windowMillis, now - firstAcceptedTime));
    }

    public int hostCount() {
        return hosts.size();
    }

    public WindowCounters counters() {
        return new WindowCounters(accepted, duplicates, late, early);
    }

    /**
     * Hosts whose last {@value #SUSPECT_STREAK} samples all fell outside the window since the last
     * call: their clocks are probably wrong. Each host is reported once per streak.
     */
    public List<String> drainNewClockSuspects() {
        if (newClockSuspects.isEmpty()) {
            return List.of();
        }
        List<String> suspects = new ArrayList<>(newClockSuspects);
        newClockSuspects.clear();
        return suspects;
    }

    private void recordOutside(String host) {
        Integer streak = outsideStreaks.get(host);
        if (streak == null && outsideStreaks.size() >= MAX_TRACKED_STREAKS) {
            return;
        }
        int next = streak == null ? 1 : streak + 1;
        outsideStreaks.put(host, next);
        if (next == SUSPECT_STREAK) {
            newClockSuspects.add(host);
        }
    }
}
