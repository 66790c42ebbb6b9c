package io.loadrank.bench.jmh;

import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.GlobalScorer;
import java.util.Map;
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
 * The global ranking bolt's cost per emit: {@link GlobalScorer#score} of the latest rankings of
 * the 5 metric topics. One host in 1000 is stale and one in 1000 lacks pendingTasks (incomplete).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class GlobalScoreBenchmark {

    @Param({Fleet.DEFAULT_HOSTS})
    public int hosts;

    private Map<String, TopicRanking> rankings;
    private GlobalScorer scorer;

    @Setup(Level.Trial)
    public void rankTheTopics() {
        rankings = Fleet.topicRankings(Fleet.hostNames(hosts));
        scorer = Fleet.scorer();
        Fleet.settleHeap();
    }

    @Benchmark
    public GlobalRanking score() {
        return scorer.score(rankings, Fleet.now());
    }
}
