package io.loadrank.bench.jmh;

import io.loadrank.output.RankingJson;
import io.loadrank.output.RankingText;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
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
 * the text ({@link CountingWriter}): the disk is not measured.
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

    @Setup(Level.Trial)
    public void rankTheFleet() {
        Map<String, TopicRanking> rankings = Fleet.topicRankings(Fleet.hostNames(hosts));
        topicRanking = rankings.get("cpuLoad");
        globalRanking = Fleet.scorer().score(rankings, Fleet.now());
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
}
