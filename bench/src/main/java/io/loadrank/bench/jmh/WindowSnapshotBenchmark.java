package io.loadrank.bench.jmh;

import io.loadrank.window.SlidingWindowAverages;
import io.loadrank.window.WindowSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The rolling bolt's cost per emit: {@link SlidingWindowAverages#snapshot} of a full window
 * (every host 60 samples). The clock stands still, so after the first call nothing expires and
 * every call averages the same samples; in the topology about two samples per host expire per
 * emit, which adds little.
 */
public class WindowSnapshotBenchmark extends FleetBenchmark {

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
