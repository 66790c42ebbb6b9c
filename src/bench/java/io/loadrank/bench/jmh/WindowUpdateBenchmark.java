package io.loadrank.bench.jmh;

import io.loadrank.window.SampleOutcome;
import io.loadrank.window.SlidingWindowAverages;
import io.loadrank.window.WindowCounters;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-message cost of the rolling bolt: {@link SlidingWindowAverages#add} in steady state.
 * Every host holds a full 60 s window at 1 sample/s; each operation adds the next sample of the
 * next host, with the clock advancing so that the host's oldest sample expires, exactly as the
 * bolt sees a live stream. Host counts below 100,000 show how much of the cost is cache misses.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class WindowUpdateBenchmark {

    /** A power of two: the pre-drawn sample values are picked by masking a counter. */
    private static final int VALUES = 4096;

    @Param({"1000", "10000", Fleet.DEFAULT_HOSTS})
    public int hosts;

    private String[] hostNames;
    private double[] values;
    private SlidingWindowAverages window;

    /** The next sample to add: round {@code round} of host {@code host}. */
    private long round;
    private int host;
    private int valueIndex;

    @Setup(Level.Trial)
    public void fillTheWindow() {
        hostNames = Fleet.hostNames(hosts);
        window = Fleet.fullWindow("cpuLoad", hostNames, false);
        Random random = new Random(Fleet.SEED);
        double[] levels = Fleet.loadLevels(VALUES, random);
        values = new double[VALUES];
        for (int i = 0; i < VALUES; i++) {
            values[i] = Fleet.sample("cpuLoad", levels[i], random);
        }
        round = Fleet.SAMPLES_PER_WINDOW;
        host = 0;
    }

    /** Fails the run if the operations did not measure what they claim (a sample outside the window). */
    @TearDown(Level.Trial)
    public void checkTheWindowStayedFull() {
        WindowCounters counters = window.counters();
        if (counters.late() + counters.early() > 0 || window.hostCount() != hosts) {
            throw new IllegalStateException("the window left steady state: " + counters + ", "
                    + window.hostCount() + " hosts instead of " + hosts);
        }
    }

    /** A new sample, received at the moment it was taken: the host's oldest sample expires. */
    @Benchmark
    public SampleOutcome addNextSample() {
        long time = Fleet.sampleTime(round, host, hosts);
        SampleOutcome outcome = window.add(hostNames[host], values[valueIndex++ & (VALUES - 1)], time, time);
        if (++host == hosts) {
            host = 0;
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
        int age = host % Fleet.SAMPLES_PER_WINDOW;
        long time = Fleet.sampleTime(Fleet.SAMPLES_PER_WINDOW - 1 - age, host, hosts);
        SampleOutcome outcome = window.add(hostNames[host], values[valueIndex++ & (VALUES - 1)], time, Fleet.now());
        if (++host == hosts) {
            host = 0;
        }
        return outcome;
    }
}
