package io.loadrank.topology;

import static io.loadrank.topology.BoltTestSupport.tick;
import static io.loadrank.topology.BoltTestSupport.tuple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.loadrank.ranking.TopicRanking;
import io.loadrank.window.HostAverage;
import io.loadrank.window.WindowCounters;
import io.loadrank.window.WindowSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.tuple.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** The topic ranking bolt without a cluster: it merges its rolling tasks' windows into one ranking. */
class TopicRankingBoltTest {

    private static final long START = 1_763_800_000_000L;
    private static final long EMIT = 2_000;
    private static final long FIRST_WAIT = 10_000;

    @TempDir
    Path output;

    private final BoltTestSupport.HandClock clock = new BoltTestSupport.HandClock(START);
    private final OutputCollector collector = mock(OutputCollector.class);
    private TopicRankingBolt bolt;

    @BeforeEach
    void prepare() {
        TopologyContext context = mock(TopologyContext.class);
        when(context.getComponentTasks("rolling-cpuLoad")).thenReturn(List.of(3, 4));
        bolt = new TopicRankingBolt(
                "cpuLoad", "rolling-cpuLoad", 60_000, (int) (EMIT / 1000), FIRST_WAIT, output.toString(), clock);
        bolt.prepare(Map.of(), context, collector);
    }

    @Test
    void givenBothRollingTasksReport_whenTheSecondWindowArrives_thenOneRankingOfAllHostsIsWrittenAndSent()
            throws IOException, InterruptedException {
        bolt.execute(window(3, "cass-a", 20.0, "cass-b", 55.0));
        verify(collector, never()).emit(anyList());

        bolt.execute(window(4, "cass-c", 37.0));

        assertThat(bolt.awaitFiles(Duration.ofSeconds(10)))
                .as("files written within 10 s")
                .isTrue();
        assertThat(Files.readString(output.resolve("cpuLoad.txt"), StandardCharsets.UTF_8))
                .isEqualTo("[[cass-b|55|60], [cass-c|37|60], [cass-a|20|60]]\n");
        assertThat(output.resolve("cpuLoad.json")).exists();
        TopicRanking sent = sentRanking(1);
        assertThat(sent.ranked()).extracting(HostAverage::host).containsExactly("cass-b", "cass-c", "cass-a");
    }

    @Test
    void givenOneTaskStaysSilent_whenTheFirstRoundWaitHasPassed_thenTheBoltRanksWithoutIt() {
        bolt.execute(window(3, "cass-a", 20.0));

        clock.advance(EMIT);
        bolt.execute(tick());
        verify(collector, never()).emit(anyList());

        clock.advance(FIRST_WAIT - EMIT);
        bolt.execute(tick());
        assertThat(sentRanking(1).ranked()).extracting(HostAverage::host).containsExactly("cass-a");
    }

    @AfterEach
    void cleanup() {
        bolt.cleanup();
    }

    private Tuple window(int task, Object... hostAverages) {
        ArrayList<HostAverage> averages = new ArrayList<>();
        for (int i = 0; i < hostAverages.length; i += 2) {
            averages.add(new HostAverage((String) hostAverages[i], (Double) hostAverages[i + 1], 60, clock.millis()));
        }
        WindowSnapshot snapshot =
                new WindowSnapshot(averages, 60_000, new WindowCounters(averages.size(), 0, 0, 0), clock.millis());
        return tuple("rolling-cpuLoad", TopologyStreams.WINDOW_STREAM, task, task, snapshot);
    }

    @SuppressWarnings("unchecked")
    private TopicRanking sentRanking(int emits) {
        ArgumentCaptor<List<Object>> values = ArgumentCaptor.forClass((Class<List<Object>>) (Class<?>) List.class);
        verify(collector, times(emits)).emit(values.capture());
        return (TopicRanking) values.getValue().get(0);
    }
}
