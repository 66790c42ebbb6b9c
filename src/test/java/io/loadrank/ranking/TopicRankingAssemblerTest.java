package io.loadrank.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.message.MalformedReason;
import io.loadrank.window.HostAverage;
import io.loadrank.window.WindowCounters;
import io.loadrank.window.WindowSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicRankingAssemblerTest {

    private static final long T0 = 1_763_800_000_000L;

    private static WindowSnapshot snapshot(long at, long covered, HostAverage... averages) {
        return new WindowSnapshot(
                new ArrayList<>(List.of(averages)), covered, new WindowCounters(averages.length, 1, 0, 0), at);
    }

    private static HostAverage avg(String host, double average) {
        return new HostAverage(host, average, 1, T0);
    }

    @Test
    void givenPartialsOfSeveralTasks_whenRanked_thenTheUnionIsOrderedByAverageThenHost() {
        TopicRankingAssembler assembler = new TopicRankingAssembler("cpuLoad", 10_000);
        assembler.acceptWindow(1, snapshot(T0, 60_000, avg("B", 10), avg("C", 20)));
        assembler.acceptWindow(2, snapshot(T0, 55_000, avg("A", 20), avg("D", 0)));

        TopicRanking ranking = assembler.rank(T0);

        assertThat(ranking.ranked()).extracting(HostAverage::host).containsExactly("A", "C", "B", "D");
        assertThat(ranking.coveredMillis()).isEqualTo(60_000);
        assertThat(ranking.stats().window()).isEqualTo(new WindowCounters(4, 2, 0, 0));
    }

    @Test
    void givenRollingTasks_whenTheyReport_thenTheRoundCompletesOnceAllHaveReported() {
        TopicRankingAssembler assembler = new TopicRankingAssembler("cpuLoad", 10_000);
        assembler.acceptWindow(1, snapshot(T0, 0));
        assembler.acceptWindow(1, snapshot(T0, 0));

        assertThat(assembler.roundComplete(2)).isFalse();
        assembler.acceptWindow(2, snapshot(T0, 0));
        assertThat(assembler.roundComplete(2)).isTrue();

        assembler.rank(T0);
        assertThat(assembler.roundComplete(2)).isFalse();
        assertThat(assembler.hasNews()).isFalse();
    }

    @Test
    void givenATaskThatStoppedReporting_whenRankedLater_thenItsHostsAreDropped() {
        TopicRankingAssembler assembler = new TopicRankingAssembler("cpuLoad", 10_000);
        assembler.acceptWindow(1, snapshot(T0, 0, avg("old", 5)));
        assembler.acceptWindow(2, snapshot(T0 + 10_001, 0, avg("new", 5)));

        TopicRanking ranking = assembler.rank(T0 + 10_001);

        assertThat(ranking.ranked()).extracting(HostAverage::host).containsExactly("new");
    }

    @Test
    void givenMalformedCountsOfSeveralParsers_whenRanked_thenTheyAreSummedByReason() {
        TopicRankingAssembler assembler = new TopicRankingAssembler("cpuLoad", 10_000);
        assembler.acceptMalformedCounts(7, Map.of(MalformedReason.BAD_HOST, 2L));
        assembler.acceptMalformedCounts(8, Map.of(MalformedReason.BAD_HOST, 1L, MalformedReason.EMPTY, 4L));
        assembler.acceptMalformedCounts(7, Map.of(MalformedReason.BAD_HOST, 3L)); // cumulative: replaces

        IngestStats stats = assembler.rank(T0).stats();

        assertThat(stats.malformed(MalformedReason.BAD_HOST)).isEqualTo(4);
        assertThat(stats.malformed(MalformedReason.EMPTY)).isEqualTo(4);
        assertThat(stats.malformedTotal()).isEqualTo(8);
    }
}
