package io.loadrank.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadrank.message.MalformedReason;
import io.loadrank.output.RankingJson;
import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.rankingfile.RankingFileScan;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.HostLastSeen;
import io.loadrank.scoring.HostScore;
import io.loadrank.window.HostAverage;
import io.loadrank.window.WindowCounters;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bench parses the files the topology really writes (made here with its RankingJson) with
 * common's RankingFileScan, opened as the bench opens them.
 */
class RankingFileScanTest {

    private static final long NOW = 1_763_800_000_000L;

    @TempDir
    Path dir;

    private static TopicRanking topicRanking(int hosts) {
        ArrayList<HostAverage> ranked = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            ranked.add(new HostAverage("cass-eu-west-" + i, 50.0 - i * 1e-6, 60, NOW - 1000 - i));
        }
        EnumMap<MalformedReason, Long> malformed = new EnumMap<>(MalformedReason.class);
        malformed.put(MalformedReason.values()[0], 7L);
        IngestStats stats = new IngestStats(new WindowCounters(9_999_000, 12, 34, 5), malformed);
        return new TopicRanking("b1000r1.cpuLoad", ranked, 60_000, stats, NOW, NOW - 250);
    }

    private Path write(String name, RankingJsonWriter writer) throws IOException {
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(out);
        }
        return file;
    }

    @FunctionalInterface
    private interface RankingJsonWriter {
        void write(Writer out) throws IOException;
    }

    @ParameterizedTest(name = "{0} hosts")
    @ValueSource(ints = {3, 30_000})
    void the_summary_of_a_topic_file_has_its_times_and_ingest_counters_at_any_fleet_size(int hosts) throws IOException {
        // given a topic file of the real writer, which holds no host rows: small at any fleet size
        Path file = write("t.json", out -> RankingJson.writeTopic(topicRanking(hosts), 60_000, out));
        assertThat(Files.size(file)).isLessThan(RankingFileScan.WHOLE_FILE_LIMIT);

        // when its summary is read
        Map<String, Double> numbers;
        try (RankingFiles.Opened opened = RankingFiles.open(file)) {
            numbers = RankingFileScan.summary(opened.channel(), "windowAtMillis");
        }

        // then it has the window snapshot time and every ingest counter
        assertThat(RankingFileScan.requireMillis(numbers, "windowAtMillis", file))
                .isEqualTo(NOW - 250);
        assertThat(RankingFileScan.requireMillis(numbers, "rankedAtMillis", file))
                .isEqualTo(NOW);
        assertThat(numbers)
                .containsEntry("ingest.accepted", 9_999_000.0)
                .containsEntry("ingest.duplicates", 12.0)
                .containsEntry("ingest.late", 34.0)
                .containsEntry("ingest.early", 5.0)
                .containsEntry("ingest.malformedTotal", 7.0);
    }

    @Test
    void a_top_level_number_after_the_host_list_of_a_large_file_is_found_in_its_tail() throws IOException {
        // given a large file whose writer puts windowAtMillis after the hosts (another field order)
        StringBuilder json = new StringBuilder("{\"topic\":\"t\",\"rankedAtMillis\":" + NOW + ",\"hosts\":[");
        for (int i = 0; i < 40_000; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"host\":\"h")
                    .append(i)
                    .append("\",\"lastSeenMillis\":")
                    .append(NOW)
                    .append('}');
        }
        json.append("],\"ingest\":{\"accepted\":5,\"malformed\":{}},\"windowAtMillis\":")
                .append(NOW - 9)
                .append('}');
        Path file = dir.resolve("late-field.json");
        Files.writeString(file, json);

        try (RankingFiles.Opened opened = RankingFiles.open(file)) {
            Map<String, Double> numbers = RankingFileScan.summary(opened.channel(), "windowAtMillis");

            assertThat(numbers)
                    .containsEntry("windowAtMillis", (double) (NOW - 9))
                    .containsEntry("ingest.accepted", 5.0);
        }
    }

    @Test
    void the_hosts_of_the_global_file_include_the_stale_ones_with_their_last_seen_times() throws IOException {
        ArrayList<HostScore> ranked = new ArrayList<>();
        ranked.add(new HostScore("C", 41.1, new double[] {40}, new double[] {20}, false, NOW - 500));
        ranked.add(new HostScore("A", 34.4, new double[] {40}, new double[] {20}, false, NOW - 700));
        ArrayList<HostLastSeen> stale = new ArrayList<>(List.of(new HostLastSeen("D", NOW - 15_000)));
        GlobalRanking ranking = new GlobalRanking(
                new ArrayList<>(List.of("cpuLoad")),
                new double[] {1},
                new long[] {60_000},
                ranked,
                stale,
                NOW,
                NOW - 300);
        Path file = write("GlobalRankings.json", out -> RankingJson.writeGlobal(ranking, out));

        Map<String, Long> seen = new LinkedHashMap<>();
        Map<String, Double> numbers;
        try (RankingFiles.Opened opened = RankingFiles.open(file)) {
            numbers = RankingFileScan.hosts(opened.reader(), seen::put);
        }

        assertThat(seen)
                .containsExactly(Map.entry("C", NOW - 500), Map.entry("A", NOW - 700), Map.entry("D", NOW - 15_000));
        assertThat(RankingFileScan.requireMillis(numbers, "windowsAtMillis", file))
                .isEqualTo(NOW - 300);
    }

    @Test
    void a_file_without_last_seen_millis_is_refused_clearly() {
        String old = "{\"rankedAtMillis\":1,\"hosts\":[{\"host\":\"a\",\"lastSeen\":\"2026-11-22T10:15:02Z\"}]}";

        assertThatThrownBy(() -> RankingFileScan.hosts(new StringReader(old), (host, lastSeen) -> {}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has no lastSeenMillis (host a)");
    }
}
