package io.loadrank.bench.jmh;

import io.loadrank.window.SlidingWindowAverages;
import io.loadrank.window.WindowSnapshot;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rolling bolt's cost per emit: {@link SlidingWindowAverages#snapshot} of a full window
 * (every host 60 samples). The clock stands still, so after the first call nothing expires and
 * every call averages the same samples; in the topology about two samples per host expire per
 * emit, which adds little.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class WindowSnapshotBenchmark {

    @Param({Fleet.DEFAULT_HOSTS})
    public int hosts;

    private SlidingWindowAverages window;

    @Setup(Level.Trial)
    public void fillTheWindow() {
        window = Fleet.fullWindow("cpuLoad", Fleet.hostNames(hosts), true);
        Fleet.settleHeap();
    }

    @Benchmark
    public WindowSnapshot snapshot() {
        return window.snapshot(Fleet.now());
    }
}
