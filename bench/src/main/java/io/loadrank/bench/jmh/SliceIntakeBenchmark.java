package io.loadrank.bench.jmh;

import io.loadrank.balancer.decision.BalancerSettings;
import io.loadrank.balancer.decision.Decision;
import io.loadrank.balancer.decision.NodeIdentity;
import io.loadrank.balancer.decision.Steering;
import io.loadrank.balancer.ranking.SliceIntake;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * What the balancer pays per ranking of its slice, off the request path (on its follower's thread): the
 * record values of a slice of {@code hosts} hosts (one record at 1,000 hosts, several at 10,000) read by
 * the shared slice reader, put together, turned into the decision's snapshot, taken in by the hysteresis
 * and decided on for a local datacenter of as many driver nodes, 1 % of the hosts hot. And what a record
 * of another slice on the same partition costs: its key alone.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SliceIntakeBenchmark extends FleetBenchmark {

    static final Slice SLICE = new Slice("prod", "dc1");
    private static final Slice OTHER = new Slice("prod", "dc2");
    static final long RANKED_AT = 1_795_342_504_030L;

    @Param({"1000", "10000"})
    public int hosts;

    private String[] keys;
    private String[] values;
    private String otherKey;
    private List<NodeIdentity> nodes;
    private Steering steering;
    private SliceIntake skipping;

    @Setup(Level.Trial)
    public void writeTheSlice() {
        List<String> written = SliceRecordFormat.write(ranking(hosts));
        values = written.toArray(new String[0]);
        keys = new String[values.length];
        for (int part = 0; part < keys.length; part++) {
            keys[part] = new SliceKey(SLICE, part).text();
        }
        otherKey = new SliceKey(OTHER, 0).text();
        nodes = new ArrayList<>(hosts);
        for (int i = 0; i < hosts; i++) {
            nodes.add(new NodeIdentity(hostId(i), List.of(address(i)), SLICE.datacenter()));
        }
        // the ranking is always the same moment, which the steering takes again (only older ones are ignored)
        steering = new Steering(BalancerSettings.defaults(), () -> RANKED_AT + 1_000);
        skipping = new SliceIntake(SLICE);
    }

    /**
     * One ranking taken in and decided on. A fresh intake each time, since the assembler hands a ranking
     * out once; what it holds when new is two empty maps.
     */
    @Benchmark
    public Decision takeARankingIn() {
        SliceIntake intake = new SliceIntake(SLICE);
        SliceIntake.Outcome outcome = null;
        for (int part = 0; part < values.length; part++) {
            outcome = intake.accept(keys[part], values[part]);
        }
        steering.accept(((SliceIntake.Outcome.Ranking) outcome).snapshot());
        return steering.decide(SLICE.datacenter(), nodes);
    }

    /** A record of another slice on the partition: skipped by its key, its value never read. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public SliceIntake.Outcome skipAnotherSlicesRecord() {
        return skipping.accept(otherKey, values[0]);
    }

    int parts() {
        return values.length;
    }

    /** Hosts of one slice as the topology writes them: 1 % at three times the mean, the rest sharing what is left. */
    static SliceRanking ranking(int count) {
        int hot = Math.max(1, count / 100);
        double mean = 100.0 / count;
        double rest = (100 - hot * 3 * mean) / (count - hot);
        List<SliceHost> ranked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double score = i < hot ? 3 * mean : rest;
            ranked.add(new SliceHost(
                    String.format("cass-%05d.dc1", i),
                    i + 1,
                    score,
                    score / mean,
                    i + 1,
                    score / 6,
                    false,
                    hostId(i),
                    address(i),
                    "rack" + (i % 3),
                    new double[] {55.25, 37.125, 12, 1234.5678, 987.6},
                    0));
        }
        return new SliceRanking(
                SLICE, RANKED_AT, 60, 2, Fleet.TOPICS, new double[] {1, 1, 1, 1, 1}, ranked, List.of(), 0);
    }

    private static String hostId(int i) {
        return String.format("6a0e1c2e-0000-4000-8000-%012d", i);
    }

    private static String address(int i) {
        return "10.1." + (i / 256 % 256) + "." + (i % 256);
    }
}
