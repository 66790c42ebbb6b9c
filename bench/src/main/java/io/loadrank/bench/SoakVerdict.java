package io.loadrank.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The soak run's pass/fail (docs/RELIABILITY-faults.md): its targets, checked against what
 * scripts/soak.sh measured. Pure: every figure comes in as an argument.
 *
 * <ul>
 *   <li>freshness p99 of each watch at most emit + 1 s ({@link BenchReport#freshnessTargetSecs}),
 *       and every expected watch ran;
 *   <li>per worker JVM, first settled sample against its last: the heap after GC ({@link HeapAfterGc})
 *       within 10 %, threads and open files grown by no more than a few (clients reconnect);
 *   <li>at the end, a ranking at most three emits old that holds every host, ranked or stale.
 * </ul>
 */
final class SoakVerdict {

    /** How far the heap after GC may move between a worker's first settled sample and its last. */
    static final double HEAP_DRIFT = 0.10;
    /** Threads that come and go (Kafka clients reconnecting, Netty): a leak grows past that. */
    static final int THREAD_SLACK = 2;
    /** Open files (sockets) that come and go. */
    static final int FILE_SLACK = 5;

    /** One sample of a worker JVM. */
    record Sample(long pid, double heapMib, int threads, int files) {}

    /** The ranking at the end of the run; {@code ageMillis} negative when there was none. */
    record Ending(long ageMillis, int ranked, int stale) {}

    private final double emitSecs;
    private final int hosts;
    private final int expectedWatches;

    SoakVerdict(double emitSecs, int hosts, int expectedWatches) {
        this.emitSecs = emitSecs;
        this.hosts = hosts;
        this.expectedWatches = expectedWatches;
    }

    /**
     * The targets missed, one line each; empty when every target is met.
     *
     * @param freshnessP99 each watch's freshness p99 in seconds, by name, in the order they ran (NaN: not measured)
     * @param settled      the samples taken once the run had settled, in time order
     */
    List<String> failures(Map<String, Double> freshnessP99, List<Sample> settled, Ending end) {
        List<String> failures = new ArrayList<>();
        double limit = BenchReport.freshnessTargetSecs(emitSecs);
        freshnessP99.forEach((watch, p99) -> {
            if (!(p99 <= limit)) {
                failures.add(String.format(
                        Locale.ROOT,
                        "freshness p99 %s s in '%s' is above emit + 1 s = %s s",
                        p99,
                        watch,
                        plain(limit)));
            }
        });
        if (freshnessP99.size() != expectedWatches) {
            failures.add("only " + freshnessP99.size() + " of " + expectedWatches
                    + " freshness watches ran (the run was too short to settle)");
        }
        Map<Long, Sample[]> firstAndLast = new LinkedHashMap<>();
        for (Sample sample : settled) {
            firstAndLast.computeIfAbsent(sample.pid(), pid -> new Sample[] {sample, sample})[1] = sample;
        }
        firstAndLast.forEach((pid, pair) -> failures.addAll(growth(pid, pair[0], pair[1])));
        if (firstAndLast.isEmpty()) {
            failures.add("no settled sample of any worker JVM (--sample-secs too long for --minutes)");
        }
        if (end.ageMillis() < 0 || end.ageMillis() > 3 * emitSecs * 1000) {
            failures.add(
                    "the ranking is stale at the end (" + (end.ageMillis() < 0 ? "?" : end.ageMillis()) + " ms old)");
        }
        // the simulator's "silent" hosts pause every two minutes: they are listed as stale meanwhile
        if (end.ranked() + end.stale() != hosts) {
            failures.add("the ranking holds " + end.ranked() + " ranked and " + end.stale() + " stale of " + hosts
                    + " hosts at the end");
        }
        return failures;
    }

    private static List<String> growth(long pid, Sample first, Sample last) {
        List<String> failures = new ArrayList<>();
        if (last.heapMib() > first.heapMib() * (1 + HEAP_DRIFT)
                || last.heapMib() < first.heapMib() * (1 - HEAP_DRIFT)) {
            failures.add(String.format(
                    Locale.ROOT,
                    "the heap after GC of worker %d went from %s to %s MiB (more than 10 %%)",
                    pid,
                    plain(first.heapMib()),
                    plain(last.heapMib())));
        }
        if (last.threads() > first.threads() + THREAD_SLACK) {
            failures.add("the threads of worker " + pid + " grew from " + first.threads() + " to " + last.threads());
        }
        if (last.files() > first.files() + FILE_SLACK) {
            failures.add("the open files of worker " + pid + " grew from " + first.files() + " to " + last.files());
        }
        return failures;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
