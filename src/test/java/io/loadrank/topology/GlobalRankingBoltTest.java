package io.loadrank.topology;

import static io.loadrank.topology.BoltTestSupport.tick;
import static io.loadrank.topology.BoltTestSupport.tuple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceKey;
import io.loadrank.testing.Await;
import io.loadrank.window.HostAverage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The global ranking bolt without a cluster: when it publishes, what it writes and sends. */
class GlobalRankingBoltTest {

    private static final long START = 1_763_800_000_000L;

    @TempDir
    Path output;

    private final BoltTestSupport.HandClock clock = new BoltTestSupport.HandClock(START);
    private final OutputCollector collector = mock(OutputCollector.class);
    private GlobalRankingBolt bolt;

    @BeforeEach
    void prepare() {
        Map<String, Object> conf = new HashMap<>();
        conf.put(LoadRankSettings.TOPICS.key(), List.of("cpuLoad", "memLoad", "latency"));
        conf.put(LoadRankSettings.OUTPUT_DIR.key(), output.toString());
        conf.put(LoadRankSettings.RANKINGS_TOPIC.key(), "loadRankings");
        bolt = new GlobalRankingBolt(LoadRankSettings.from(conf), clock);
        bolt.prepare(Map.of(), mock(TopologyContext.class), collector);
    }

    @Test
    void givenEveryTopicsRanking_whenTheLastArrives_thenTheWorkedExampleIsWrittenAndSentAtOnce() throws IOException {
        // when
        bolt.execute(ranking("cpuLoad", "A", 20, "B", 10, "C", 20));
        bolt.execute(ranking("memLoad", "A", 30, "B", 20, "C", 50));
        bolt.execute(ranking("latency", "A", 20, "B", 20, "C", 20));

        // then
        filesWritten();
        assertThat(Files.readString(output.resolve(GlobalRankingBolt.TEXT_FILE), StandardCharsets.UTF_8))
                .isEqualTo("{C=41, A=34, B=24}\n");
        assertThat(output.resolve(GlobalRankingBolt.JSON_FILE)).exists();
        verify(collector).emit(eq(TopologyStreams.RANKINGS_STREAM), anyList());
    }

    @Test
    void givenSomeTopicsReported_whenTheTickComesBeforeTheFirstRoundWaitEnds_thenNothingIsPublished() {
        // given
        bolt.execute(ranking("cpuLoad", "A", 20, "B", 10, "C", 20));

        // when: a tick one emit later, still inside the first round's read-back wait
        clock.advance(2_000);
        bolt.execute(tick());

        // then
        filesWritten();
        assertThat(output.resolve(GlobalRankingBolt.TEXT_FILE)).doesNotExist();
        verify(collector, never()).emit(eq(TopologyStreams.RANKINGS_STREAM), anyList());
    }

    @Test
    void givenATopicStaysSilent_whenTheRoundIsLate_thenTheRankingIsPublishedWithoutIt() throws IOException {
        // given: a first full round, then a round in which latency stays silent
        bolt.execute(ranking("cpuLoad", "A", 20, "B", 10, "C", 20));
        bolt.execute(ranking("memLoad", "A", 30, "B", 20, "C", 50));
        bolt.execute(ranking("latency", "A", 20, "B", 20, "C", 20));
        clock.advance(2_000);
        bolt.execute(ranking("cpuLoad", "A", 10, "B", 10, "C", 80));
        bolt.execute(ranking("memLoad", "A", 30, "B", 20, "C", 50));

        // when: a tick one emit after the round opened
        clock.advance(2_000);
        bolt.execute(tick());

        // then: published with latency's previous ranking; C is now hotter
        filesWritten();
        assertThat(Files.readString(output.resolve(GlobalRankingBolt.TEXT_FILE), StandardCharsets.UTF_8))
                .startsWith("{C=");
        verify(collector, org.mockito.Mockito.times(2)).emit(eq(TopologyStreams.RANKINGS_STREAM), anyList());
    }

    @Test
    void givenKeysAnEarlierRunLeftLiveOnTheRankingsTopic_whenTheKeysAreReadAndTheBoltPublishes_thenTheyGetTombstones()
            throws InterruptedException {
        // given: the read of the rankings topic finds a slice of an earlier run that this run does not rank
        String gone = new SliceKey(new Slice("old", "gone"), 0).text();
        RankingsTopicKeys keys =
                new RankingsTopicKeys("test-keys", "test", () -> List.of(new SliceKey(new Slice("old", "gone"), 0)));
        bolt.liveKeysFrom(keys);
        Await.until(Duration.ofSeconds(10), "the keys read", keys::done);

        // when
        bolt.execute(ranking("cpuLoad", "A", 20, "B", 10, "C", 20));
        bolt.execute(ranking("memLoad", "A", 30, "B", 20, "C", 50));
        bolt.execute(ranking("latency", "A", 20, "B", 20, "C", 20));

        // then: the fleet's record and the tombstone, and no tombstone at the next emit
        verify(collector).emit(eq(TopologyStreams.RANKINGS_STREAM), eq(new Values(gone, null)));
        clock.advance(2_000);
        bolt.execute(ranking("cpuLoad", "A", 20, "B", 10, "C", 20));
        bolt.execute(ranking("memLoad", "A", 30, "B", 20, "C", 50));
        bolt.execute(ranking("latency", "A", 20, "B", 20, "C", 20));
        verify(collector).emit(eq(TopologyStreams.RANKINGS_STREAM), eq(new Values(gone, null)));
        verify(collector, org.mockito.Mockito.times(3)).emit(eq(TopologyStreams.RANKINGS_STREAM), anyList());
    }

    @Test
    void givenTheBoltBehindItsInput_whenRoundsCompleteBackToBack_thenOnlyTheNewestIsRanked() throws IOException {
        // given: a first publication
        bolt.execute(ranking("cpuLoad", "A", 20, "B", 10, "C", 20));
        bolt.execute(ranking("memLoad", "A", 30, "B", 20, "C", 50));
        bolt.execute(ranking("latency", "A", 20, "B", 20, "C", 20));

        // when: two rounds that queued up complete 0.3 s and 0.6 s later, then the tick one emit after they
        // began (the skipped round stays open)
        clock.advance(300);
        bolt.execute(ranking("cpuLoad", "A", 10, "B", 10, "C", 80));
        bolt.execute(ranking("memLoad", "A", 30, "B", 20, "C", 50));
        bolt.execute(ranking("latency", "A", 20, "B", 20, "C", 20));
        clock.advance(300);
        bolt.execute(ranking("cpuLoad", "A", 80, "B", 10, "C", 10));
        bolt.execute(ranking("memLoad", "A", 50, "B", 20, "C", 30));
        bolt.execute(ranking("latency", "A", 20, "B", 20, "C", 20));
        assertThat(bolt.skippedRounds()).isEqualTo(2);
        clock.advance(1_700);
        bolt.execute(tick());

        // then: ranked twice in all, the second time with the newest rankings (A hottest)
        verify(collector, org.mockito.Mockito.times(2)).emit(eq(TopologyStreams.RANKINGS_STREAM), anyList());
        filesWritten();
        assertThat(Files.readString(output.resolve(GlobalRankingBolt.TEXT_FILE), StandardCharsets.UTF_8))
                .startsWith("{A=");
    }

    @Test
    void givenAnAlertRule_whenARankingBreaksIt_thenAlertsJsonListsItAndTheEventGoesToTheAlertsStream()
            throws IOException {
        // given: C's score (41) is above 40 from the first ranking on
        Map<String, Object> conf = new HashMap<>();
        conf.put(LoadRankSettings.TOPICS.key(), List.of("cpuLoad", "memLoad", "latency"));
        conf.put(LoadRankSettings.OUTPUT_DIR.key(), output.toString());
        conf.put(
                LoadRankSettings.ALERTS.key(),
                List.of(Map.of("name", "hot", "when", "score", "above", 40, "for.secs", 0)));
        conf.put(LoadRankSettings.ALERTS_TOPIC.key(), "loadAlerts");
        bolt = new GlobalRankingBolt(LoadRankSettings.from(conf), clock);
        bolt.prepare(Map.of(), mock(TopologyContext.class), collector);

        // when
        bolt.execute(ranking("cpuLoad", "A", 20, "B", 10, "C", 20));
        bolt.execute(ranking("memLoad", "A", 30, "B", 20, "C", 50));
        bolt.execute(ranking("latency", "A", 20, "B", 20, "C", 20));

        // then
        filesWritten();
        String alerts = Files.readString(output.resolve(GlobalRankingBolt.ALERTS_FILE), StandardCharsets.UTF_8);
        assertThat(alerts)
                .contains("\"id\":\"hot/C\"", "\"state\":\"firing\"", "\"occurrences\":1")
                .doesNotContain("hot/A");
        verify(collector)
                .emit(
                        eq(TopologyStreams.ALERTS_STREAM),
                        org.mockito.ArgumentMatchers.argThat(
                                values -> values.get(0).equals("hot/C")
                                        && values.get(1).toString().contains("\"state\":\"firing\"")));
    }

    @Test
    void givenNoAlertRules_whenRanked_thenNoAlertsFile() {
        bolt.execute(ranking("cpuLoad", "A", 20, "B", 10, "C", 20));
        bolt.execute(ranking("memLoad", "A", 30, "B", 20, "C", 50));
        bolt.execute(ranking("latency", "A", 20, "B", 20, "C", 20));

        filesWritten();
        assertThat(output.resolve(GlobalRankingBolt.TEXT_FILE)).exists();
        assertThat(output.resolve(GlobalRankingBolt.ALERTS_FILE)).doesNotExist();
        verify(collector, never()).emit(eq(TopologyStreams.ALERTS_STREAM), anyList());
    }

    @Test
    void givenHostInfoRecords_whenTheWorkedExampleIsRanked_thenEachDatacenterHasItsFilesAndMalformedRecordsAreCounted()
            throws IOException {
        // given: A and C in north, B in south, and a record with a datacenter that is no file name
        bolt.execute(hostInfo("A", "{\"host\":\"A\",\"datacenter\":\"north\"}"));
        bolt.execute(hostInfo("B", "{\"host\":\"B\",\"datacenter\":\"south\"}"));
        bolt.execute(hostInfo("C", "{\"host\":\"C\",\"datacenter\":\"north\"}"));
        bolt.execute(hostInfo("C", "{\"host\":\"C\",\"datacenter\":\"../x\"}"));

        // when
        bolt.execute(ranking("cpuLoad", "A", 20, "B", 10, "C", 20));
        bolt.execute(ranking("memLoad", "A", 30, "B", 20, "C", 50));
        bolt.execute(ranking("latency", "A", 20, "B", 20, "C", 20));

        // then
        filesWritten();
        assertThat(Files.readString(output.resolve("GlobalRankings-north.txt"), StandardCharsets.UTF_8))
                .isEqualTo("{C=54, A=46}\n");
        assertThat(Files.readString(output.resolve("GlobalRankings-south.txt"), StandardCharsets.UTF_8))
                .isEqualTo("{B=100}\n");
        assertThat(Files.readString(output.resolve(GlobalRankingBolt.TEXT_FILE), StandardCharsets.UTF_8))
                .isEqualTo("{C=41, A=34, B=24}\n");
        assertThat(Files.readString(output.resolve(GlobalRankingBolt.JSON_FILE), StandardCharsets.UTF_8))
                .contains("\"malformed\":{\"badDatacenter\":1}");
        try (java.util.stream.Stream<Path> files = Files.list(output)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "GlobalRankings.txt",
                            "GlobalRankings.json",
                            "GlobalRankings-north.txt",
                            "GlobalRankings-north.json",
                            "GlobalRankings-south.txt",
                            "GlobalRankings-south.json");
        }
    }

    @Test
    void givenAnyTuple_whenExecuted_thenItIsAcked() {
        Tuple tick = tick();

        bolt.execute(tick);

        verify(collector).ack(tick);
        verify(collector, never()).fail(any());
    }

    /** The files are written by the bolt's file thread: wait for it, with a deadline. */
    private void filesWritten() {
        try {
            assertThat(bolt.awaitFiles(Duration.ofSeconds(10)))
                    .as("files written within 10 s")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void cleanup() {
        bolt.cleanup();
    }

    private Tuple ranking(String topic, Object... hostValuePairs) {
        long madeAt = clock.millis();
        ArrayList<HostAverage> ranked = new ArrayList<>();
        for (int i = 0; i < hostValuePairs.length; i += 2) {
            ranked.add(new HostAverage(
                    (String) hostValuePairs[i], ((Number) hostValuePairs[i + 1]).doubleValue(), 60, madeAt));
        }
        ranked.sort((a, b) -> Double.compare(b.average(), a.average()));
        TopicRanking ranking = new TopicRanking(topic, ranked, 60_000, IngestStats.empty(), madeAt, madeAt);
        return tuple("topic-rank-" + topic, "default", 1, ranking);
    }

    private static Tuple hostInfo(String key, String record) {
        return tuple(TopologyStreams.HOST_INFO_SPOUT, TopologyStreams.HOST_INFO_STREAM, 1, key, record);
    }
}
