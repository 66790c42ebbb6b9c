package io.loadrank.bench.jmh;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.GlobalScorer;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The global ranking bolt's cost per emit: {@link GlobalScorer#score} of the latest rankings of
 * the 5 metric topics. One host in 1000 is stale and one in 1000 lacks pendingTasks (incomplete).
 * {@link #scoreWithDatacenters} also ranks every datacenter: each host has host info, 10
 * datacenters (docs/DATACENTERS.md).
 */
public class GlobalScoreBenchmark extends FleetBenchmark {

    @Param({Fleet.DEFAULT_HOSTS})
    public int hosts;

    private Map<String, TopicRanking> rankings;
    private GlobalScorer scorer;
    private Map<String, HostInfo> hostInfo;

    @Setup(Level.Trial)
    public void rankTheTopics() {
        rankings = Fleet.topicRankings(Fleet.hostNames(hosts));
        scorer = Fleet.scorer();
        hostInfo = Fleet.hostInfo(Fleet.hostNames(hosts));
        Fleet.settleHeap();
    }

    @Benchmark
    public GlobalRanking score() {
        return scorer.score(rankings, Fleet.now());
    }

    @Benchmark
    public GlobalRanking scoreWithDatacenters() {
        return scorer.score(rankings, Fleet.now(), hostInfo);
    }
}
