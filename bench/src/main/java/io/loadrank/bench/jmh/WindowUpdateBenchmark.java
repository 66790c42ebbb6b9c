package io.loadrank.bench.jmh;

import io.loadrank.window.SampleOutcome;
import io.loadrank.window.SlidingWindowAverages;
import io.loadrank.window.WindowCounters;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The per-message cost of the rolling bolt: {@link SlidingWindowAverages#add} in steady state.
 * Every host holds a full 60 s window at 1 sample/s; each operation adds the next sample of the
 * next host, with the clock advancing so that the host's oldest sample expires, exactly as the
 * bolt sees a live stream. Host counts below 100,000 show how much of the cost is cache misses.
 *
 * <p>The hosts send in a fixed, shuffled order (seeded), not in the order the fixture was built:
 * in the topology the order of arrival has nothing to do with where a host's samples lie in
 * memory, and walking the hosts in memory order lets the CPU prefetch the next host, which made
 * the 100,000-host figures up to 4 times too good depending on how the fixture was filled.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WindowUpdateBenchmark extends FleetBenchmark {

    /** A power of two: the pre-drawn sample values are picked by masking a counter. */
    private static final int VALUES = 4096;

    @Param({"1000", "10000", Fleet.DEFAULT_HOSTS})
    public int hosts;

    private String[] hostNames;
    /** The order the hosts send their samples in, each second: a seeded permutation of the hosts. */
    private int[] sendOrder;

    private double[] values;
    private SlidingWindowAverages window;

    /** The next sample to add: round {@code round} of the host at {@code position} of the send order. */
    private long round;

    private int position;
    private int valueIndex;

    @Setup(Level.Trial)
    public void fillTheWindow() {
        hostNames = Fleet.hostNames(hosts);
        window = Fleet.fullWindow("cpuLoad", hostNames, false);
        Random random = new Random(Fleet.SEED);
        sendOrder = shuffledHostIndexes(random);
        double[] levels = Fleet.loadLevels(VALUES, random);
        values = new double[VALUES];
        for (int i = 0; i < VALUES; i++) {
            values[i] = Fleet.sample("cpuLoad", levels[i], random);
        }
        round = Fleet.SAMPLES_PER_WINDOW;
        position = 0;
        Fleet.settleHeap();
    }

    /** Fails the run if the operations did not do what they claim: every sample new, or every one a duplicate. */
    @TearDown(Level.Trial)
    public void checkTheWindowStayedFull(BenchmarkParams params) {
        WindowCounters counters = window.counters();
        long filled = (long) hosts * Fleet.SAMPLES_PER_WINDOW;
        boolean replaying = params.getBenchmark().endsWith("addReplayedSample");
        boolean asClaimed = replaying ? counters.accepted() == filled : counters.duplicates() == 0;
        if (!asClaimed || counters.late() + counters.early() > 0 || window.hostCount() != hosts) {
            throw new IllegalStateException(params.getBenchmark() + " did not measure what it claims: " + counters
                    + ", " + window.hostCount() + " hosts instead of " + hosts);
        }
    }

    /**
     * A new sample. The clock is the end of the sample's second, so that it never goes back: the
     * host's sample of a minute earlier expires and the window keeps 60 samples.
     */
    @Benchmark
    public SampleOutcome addNextSample() {
        int host = sendOrder[position];
        long time = Fleet.sampleTime(round, host, hosts);
        SampleOutcome outcome = window.add(hostNames[host], nextValue(), time, Fleet.endOfRound(round + 1));
        if (++position == hosts) {
            position = 0;
            round++;
        }
        return outcome;
    }

    /**
     * A replayed sample (after a failure, or a read-back that overlaps live consumption): the window
     * already holds a sample of the host at that time, somewhere between 0 and 59 s ago, so it is
     * found and counted as a duplicate. The clock does not advance, so the window stays full.
     */
    @Benchmark
    public SampleOutcome addReplayedSample() {
        int host = sendOrder[position];
        int age = position % Fleet.SAMPLES_PER_WINDOW;
        long time = Fleet.sampleTime(Fleet.SAMPLES_PER_WINDOW - 1 - age, host, hosts);
        SampleOutcome outcome = window.add(hostNames[host], nextValue(), time, Fleet.now());
        if (++position == hosts) {
            position = 0;
        }
        return outcome;
    }

    private double nextValue() {
        return values[valueIndex++ & (VALUES - 1)];
    }

    private int[] shuffledHostIndexes(Random random) {
        int[] order = new int[hosts];
        for (int i = 0; i < hosts; i++) {
            order[i] = i;
        }
        for (int i = hosts - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
