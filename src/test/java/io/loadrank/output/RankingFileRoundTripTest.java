package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadrank.message.MalformedReason;
import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.IngestCounts;
import io.loadrank.rankingfile.RankedHost;
import io.loadrank.rankingfile.RankingFileException;
import io.loadrank.rankingfile.RankingFileReader;
import io.loadrank.rankingfile.TopicRankingFile;
import io.loadrank.rankingfile.TopicWeight;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.HostLastSeen;
import io.loadrank.scoring.HostScore;
import io.loadrank.window.HostAverage;
import io.loadrank.window.WindowCounters;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link RankingJson} writes, read back by common's {@link RankingFileReader}: every field
 * equal to the ranking it was written from, so the writer and the one reader cannot drift apart.
 */
class RankingFileRoundTripTest {

    private static final long NOW = 1_763_806_502_250L;

    private static TopicRanking topicRanking() {
        ArrayList<HostAverage> ranked = new ArrayList<>(List.of(
                new HostAverage("cass-eu-1", 55.25, 60, NOW - 250),
                new HostAverage("cass-uk-1", 1.0E-7, 59, NOW - 1250),
                new HostAverage("cass-fi-1", 100.0 / 3, 3, NOW - 9000)));
        EnumMap<MalformedReason, Long> malformed = new EnumMap<>(MalformedReason.class);
        malformed.put(MalformedReason.BAD_HOST, 4L);
        malformed.put(MalformedReason.values()[MalformedReason.values().length - 1], 9L);
        return new TopicRanking(
                "cpuLoad", ranked, 45_000, new IngestStats(new WindowCounters(120, 7, 2, 1), malformed), NOW, NOW - 40);
    }

    private static GlobalRanking globalRanking() {
        ArrayList<HostScore> ranked = new ArrayList<>(List.of(
                new HostScore(
                        "C",
                        66.66666666666667,
                        new double[] {100.0 / 3 * 2, 100},
                        new double[] {91.25, 7},
                        false,
                        NOW - 500),
                new HostScore(
                        "A",
                        33.333333333333336,
                        new double[] {100.0 / 3, 0},
                        new double[] {45.625, Double.NaN},
                        true,
                        NOW - 700)));
        ArrayList<HostLastSeen> stale = new ArrayList<>(List.of(new HostLastSeen("D", NOW - 15_000)));
        return new GlobalRanking(
                new ArrayList<>(List.of("cpuLoad", "pendingTasks")),
                new double[] {1.5, 0.5},
                new long[] {60_000, 58_500},
                ranked,
                stale,
                NOW,
                NOW - 300);
    }

    /** What a number reads back as: the files carry its meaningful digits, not 17. */
    private static double digits(double value, int significant) {
        return Double.parseDouble(io.loadrank.slice.Decimals.significant(value, significant));
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    @Test
    void givenATopicRankingWrittenByRankingJson_whenRead_thenEveryFieldEqualsTheRanking() throws RankingFileException {
        TopicRanking written = topicRanking();

        TopicRankingFile read =
                RankingFileReader.topic(new StringReader(RankingJson.topic(written, 60_000)), "cpuLoad.json");

        Map<String, Long> malformed = new LinkedHashMap<>();
        written.stats().malformed().forEach((reason, count) -> malformed.put(reason.label(), count));
        WindowCounters window = written.stats().window();
        assertThat(read)
                .isEqualTo(new TopicRankingFile(
                        "cpuLoad",
                        iso(NOW),
                        NOW,
                        NOW - 40,
                        45.0,
                        60.0,
                        written.ranked().size(),
                        new IngestCounts(
                                window.accepted(),
                                window.duplicates(),
                                window.late(),
                                window.early(),
                                written.stats().malformedTotal(),
                                malformed)));
    }

    @Test
    void givenAGlobalRankingWrittenByRankingJson_whenRead_thenEveryFieldEqualsTheRanking() throws RankingFileException {
        GlobalRanking written = globalRanking();

        GlobalRankingFile read =
                RankingFileReader.global(new StringReader(RankingJson.global(written)), "GlobalRankings.json");

        List<TopicWeight> topics = new ArrayList<>();
        for (int t = 0; t < written.topics().size(); t++) {
            topics.add(new TopicWeight(
                    written.topics().get(t), written.weights()[t], written.coveredMillis()[t] / 1000.0));
        }
        List<RankedHost> hosts = new ArrayList<>();
        for (int i = 0; i < written.ranked().size(); i++) {
            HostScore host = written.ranked().get(i);
            Map<String, Double> shares = new LinkedHashMap<>();
            Map<String, Double> averages = new LinkedHashMap<>();
            Map<String, Long> samples = new LinkedHashMap<>();
            for (int t = 0; t < written.topics().size(); t++) {
                shares.put(written.topics().get(t), digits(host.shares()[t], 4));
                samples.put(written.topics().get(t), host.samples() == null ? 0L : host.samples()[t]);
                if (!Double.isNaN(host.averages()[t])) {
                    averages.put(written.topics().get(t), digits(host.averages()[t], 6));
                }
            }
            hosts.add(new RankedHost(
                    i + 1,
                    host.host(),
                    digits(host.score(), 4),
                    host.incomplete(),
                    false,
                    iso(host.lastSeenMillis()),
                    host.lastSeenMillis(),
                    shares,
                    averages,
                    samples,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
        }
        List<io.loadrank.rankingfile.StaleHost> stale = written.stale().stream()
                .map(host -> new io.loadrank.rankingfile.StaleHost(
                        host.host(), true, iso(host.lastSeenMillis()), host.lastSeenMillis(), null, null, null))
                .toList();
        assertThat(read).isEqualTo(new GlobalRankingFile(iso(NOW), NOW, NOW - 300, topics, hosts, stale, null, null));
        assertThat(read.hosts().get(1).averages()).as("no value, no entry").doesNotContainKey("pendingTasks");
    }

    @ParameterizedTest(name = "cut at {0} of the text")
    @ValueSource(doubles = {0.1, 0.5, 0.9, 0.999})
    void givenRankingJsonOutputCutShort_whenRead_thenARankingFileExceptionNotAHalfRanking(double fraction) {
        String global = RankingJson.global(globalRanking());
        String topic = RankingJson.topic(topicRanking(), 60_000);

        assertThatThrownBy(() -> RankingFileReader.global(
                        new StringReader(global.substring(0, (int) (global.length() * fraction))),
                        "GlobalRankings.json"))
                .isInstanceOf(RankingFileException.class)
                .hasMessageStartingWith("GlobalRankings.json is not a whole ranking file");
        assertThatThrownBy(() -> RankingFileReader.topic(
                        new StringReader(topic.substring(0, (int) (topic.length() * fraction))), "cpuLoad.json"))
                .isInstanceOf(RankingFileException.class)
                .hasMessageStartingWith("cpuLoad.json is not a whole ranking file");
    }
}
