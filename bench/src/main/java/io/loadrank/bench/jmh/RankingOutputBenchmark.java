package io.loadrank.bench.jmh;

import io.loadrank.output.RankingJson;
import io.loadrank.output.RankingText;
import io.loadrank.output.SliceRecordPlan;
import io.loadrank.output.SliceRecords;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.SliceScores;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordFormat;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the output formats of docs/OUTPUT.md per emit: {@code <topic>.json},
 * {@code <topic>.txt}, {@code GlobalRankings.json} (as a String, which the bolt also sends to the
 * rankings topic, and streamed to a writer) and {@code GlobalRankings.txt}. The writers discard
 * the text ({@link CountingWriter}): the disk is not measured. The {@code ...WithDatacenters}
 * benchmarks write the same with every host in one of 10 datacenters (the fields a balancer reads,
 * docs/DATACENTERS.md), and {@code datacenterFiles} the text and JSON of all 10 datacenters.
 *
 * <p>Five warm-up iterations rather than three: an operation of several hundred milliseconds
 * (the global JSON at 100,000 hosts) is called only a few times per iteration, so the JIT needs
 * longer to settle.
 */
@Warmup(iterations = 5, time = 2)
public class RankingOutputBenchmark extends FleetBenchmark {

    @Param({Fleet.DEFAULT_HOSTS})
    public int hosts;

    private TopicRanking topicRanking;
    private GlobalRanking globalRanking;
    private GlobalRanking withDatacenters;

    @Setup(Level.Trial)
    public void rankTheFleet() {
        Map<String, TopicRanking> rankings = Fleet.topicRankings(Fleet.hostNames(hosts));
        topicRanking = rankings.get("cpuLoad");
        globalRanking = Fleet.scorer().score(rankings, Fleet.now());
        withDatacenters = Fleet.scorer().score(rankings, Fleet.now(), Fleet.hostInfo(Fleet.hostNames(hosts)));
        Fleet.settleHeap();
    }

    @Benchmark
    public long topicJson() {
        CountingWriter out = new CountingWriter();
        RankingJson.writeTopic(topicRanking, Fleet.WINDOW_MILLIS, out);
        return out.chars();
    }

    @Benchmark
    public String topicText() {
        return RankingText.topic(topicRanking);
    }

    @Benchmark
    public String globalJsonString() {
        return RankingJson.global(globalRanking);
    }

    @Benchmark
    public long globalJsonWriter() {
        CountingWriter out = new CountingWriter();
        RankingJson.writeGlobal(globalRanking, out);
        return out.chars();
    }

    @Benchmark
    public String globalText() {
        return RankingText.global(globalRanking);
    }

    @Benchmark
    public long globalJsonWriterWithDatacenters() {
        CountingWriter out = new CountingWriter();
        RankingJson.writeGlobal(withDatacenters, out);
        return out.chars();
    }

    /** The text and JSON files of every slice: what the global bolt writes besides the fleet's. */
    @Benchmark
    public long sliceFiles() throws java.io.IOException {
        CountingWriter out = new CountingWriter();
        java.util.List<SliceRanking> records = SliceRecords.of(withDatacenters, 60, 2);
        for (int i = 0; i < records.size(); i++) {
            SliceScores slice = withDatacenters.slices().get(i);
            if (!slice.slice().unplaced()) {
                RankingText.writeSlice(slice, out);
                out.write(SliceRecordFormat.write(records.get(i), Integer.MAX_VALUE)
                        .get(0));
            }
        }
        return out.chars();
    }

    /** The records of one emit on the rankings topic: every slice cut into parts under 1 MB. */
    @Benchmark
    public int sliceRecords() {
        return new SliceRecordPlan()
                .records(SliceRecordFormat.render(SliceRecords.of(withDatacenters, 60, 2)))
                .size();
    }
}
