package io.loadrank.bench.jmh;

import io.loadrank.ranking.TopicRanking;
import io.loadrank.ranking.TopicRankingAssembler;
import io.loadrank.window.SlidingWindowAverages;
import io.loadrank.window.WindowSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The topic ranking bolt's cost per emit, as {@code TopicRankingBolt} spends it: one
 * {@link TopicRankingAssembler#acceptWindow} per rolling task, then {@link TopicRankingAssembler#rank}.
 * With 3 tasks each window holds a third of the hosts (fields grouping by host).
 *
 * <p>The windows are snapshot afresh before every call (not measured), from windows filled once,
 * so that an assembler that sorts or reuses the lists it is given still sees the unsorted, hash
 * ordered lists of a real snapshot every time.
 */
public class TopicRankingBenchmark extends FleetBenchmark {

    @Param({Fleet.DEFAULT_HOSTS})
    public int hosts;

    @Param({"1", "3"})
    public int tasks;

    private SlidingWindowAverages[] windows;
    private WindowSnapshot[] snapshots;
    private TopicRankingAssembler assembler;

    @Setup(Level.Trial)
    public void fillTheWindows() {
        String[] hostNames = Fleet.hostNames(hosts);
        windows = new SlidingWindowAverages[tasks];
        for (int task = 0; task < tasks; task++) {
            windows[task] = Fleet.fullWindow("cpuLoad", hostNames, true, task, tasks);
        }
        snapshots = new WindowSnapshot[tasks];
        assembler = Fleet.assembler("cpuLoad");
        Fleet.settleHeap();
    }

    @Setup(Level.Invocation)
    public void snapshotTheWindows() {
        for (int task = 0; task < tasks; task++) {
            snapshots[task] = windows[task].snapshot(Fleet.now());
        }
    }

    @Benchmark
    public TopicRanking acceptWindowsAndRank() {
        for (int task = 0; task < tasks; task++) {
            assembler.acceptWindow(task, snapshots[task]);
        }
        return assembler.rank(Fleet.now());
    }
}
