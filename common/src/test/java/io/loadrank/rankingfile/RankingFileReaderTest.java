package io.loadrank.rankingfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader against hand-written files: fields it does not know, the datacenter fields, files cut
 * short or not JSON. That it reads what the topology writes, field by field, is tested beside the
 * writer (the topology's RankingFileRoundTripTest).
 */
class RankingFileReaderTest {

    /** A global ranking with the datacenter fields and one field no reader knows. */
    static final String GLOBAL = """
            {"rankedAt":"2026-11-22T10:15:12Z","rankedAtMillis":1795342512000,"windowsAtMillis":1795342511900,
             "futureField":{"nested":[1,2]},
             "topics":[{"topic":"cpuLoad","weight":2.0,"windowSeconds":60.0}],
             "hosts":[{"rank":1,"host":"cass-eu-1","score":100.0,"incomplete":false,"stale":false,
                       "lastSeen":"2026-11-22T10:15:11Z","lastSeenMillis":1795342511000,
                       "shares":{"cpuLoad":100.0},"averages":{"cpuLoad":91.25},"samples":{"cpuLoad":60},
                       "datacenter":"eu-west","rack":"r1","hostId":"6f1c","dcRank":1,"dcScore":100.0},
                      {"rank":2,"host":"cass-us-1","score":0.0,"incomplete":true,"stale":false,
                       "lastSeen":"2026-11-22T10:15:10Z","lastSeenMillis":1795342510000,
                       "shares":{"cpuLoad":0.0},"averages":{}}],
             "stale":[{"host":"cass-sa-1","stale":true,"lastSeen":"2026-11-22T10:15:00Z","lastSeenMillis":1795342500000,
                       "datacenter":"sa-east"}]}
            """;

    static final String TOPIC = """
            {"topic":"cpuLoad","rankedAt":"2026-11-22T10:15:12Z","rankedAtMillis":1795342512000,
             "windowAtMillis":1795342511960,"windowSeconds":45.0,"configuredWindowSeconds":60.0,
             "rankedHosts":3,
             "ingest":{"accepted":120,"duplicates":7,"late":2,"early":1,"malformedTotal":4,"malformed":{"bad host":4}}}
            """;

    @TempDir
    Path dir;

    @Test
    void givenAGlobalFileWithDatacenterAndUnknownFields_whenRead_thenKnownFieldsAreReadAndUnknownSkipped()
            throws IOException {
        GlobalRankingFile ranking = RankingFileReader.global(new StringReader(GLOBAL), "GlobalRankings.json");

        assertThat(ranking.rankedAtMillis()).isEqualTo(1_795_342_512_000L);
        assertThat(ranking.windowsAtMillis()).isEqualTo(1_795_342_511_900L);
        assertThat(ranking.topics()).containsExactly(new TopicWeight("cpuLoad", 2.0, 60.0));
        assertThat(ranking.hosts())
                .containsExactly(
                        new RankedHost(
                                1,
                                "cass-eu-1",
                                100.0,
                                false,
                                false,
                                "2026-11-22T10:15:11Z",
                                1_795_342_511_000L,
                                Map.of("cpuLoad", 100.0),
                                Map.of("cpuLoad", 91.25),
                                Map.of("cpuLoad", 60L),
                                "eu-west",
                                "r1",
                                "6f1c",
                                null,
                                1,
                                100.0),
                        new RankedHost(
                                2,
                                "cass-us-1",
                                0.0,
                                true,
                                false,
                                "2026-11-22T10:15:10Z",
                                1_795_342_510_000L,
                                Map.of("cpuLoad", 0.0),
                                Map.of(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
        assertThat(ranking.stale())
                .containsExactly(new StaleHost(
                        "cass-sa-1", true, "2026-11-22T10:15:00Z", 1_795_342_500_000L, "sa-east", null, null));
    }

    @Test
    void givenATopicFile_whenRead_thenWindowHostCountAndIngestCountersAreRead() throws IOException {
        Path file = dir.resolve("cpuLoad.json");
        Files.writeString(file, TOPIC);

        TopicRankingFile ranking = RankingFileReader.topic(file);

        assertThat(ranking.topic()).isEqualTo("cpuLoad");
        assertThat(ranking.windowAtMillis()).isEqualTo(1_795_342_511_960L);
        assertThat(ranking.windowSeconds()).isEqualTo(45.0);
        assertThat(ranking.configuredWindowSeconds()).isEqualTo(60.0);
        assertThat(ranking.rankedHosts()).isEqualTo(3);
        assertThat(ranking.ingest()).isEqualTo(new IngestCounts(120, 7, 2, 1, 4, Map.of("bad host", 4L)));
    }

    @ParameterizedTest(name = "cut after {0} characters")
    @ValueSource(ints = {0, 1, 40, 200, 600})
    void givenAGlobalFileCutShort_whenRead_thenARankingFileExceptionNamesTheFile(int length) {
        String cut = GLOBAL.substring(0, length);

        assertThatThrownBy(() -> RankingFileReader.global(new StringReader(cut), "GlobalRankings.json"))
                .isInstanceOf(RankingFileException.class)
                .hasMessageStartingWith("GlobalRankings.json is ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json at all                         | not a whole ranking file (cut short or not JSON",
                "[1,2,3]                                  | not a whole ranking file (cut short or not JSON",
                "{}                                       | it has no rankedAt",
                "{\"rankedAt\":\"x\",\"rankedAtMillis\":\"soon\"} | not a whole ranking file (cut short or not JSON",
                "{\"rankedAt\":\"x\",\"topics\":[],\"hosts\":[null],\"stale\":[]} | it has no hosts[]",
                "{\"rankedAt\":\"x\",\"topics\":[],\"hosts\":[{\"rank\":1}],\"stale\":[]} | it has no hosts[].host",
                "{\"rankedAt\":\"x\",\"topics\":[],\"hosts\":[],\"stale\":[]} trailing | not a whole ranking file (cut short or not JSON",
            })
    void givenGarbage_whenReadAsAGlobalFile_thenARankingFileExceptionSaysWhatIsWrong(String text, String problem) {
        assertThatThrownBy(() -> RankingFileReader.global(new StringReader(text), "g.json"))
                .isInstanceOf(RankingFileException.class)
                .hasMessageContaining("g.json")
                .hasMessageContaining(problem);
    }

    @Test
    void givenATopicFileWithoutItsIngestObject_whenRead_thenRefused() {
        String withoutIngest = TOPIC.substring(0, TOPIC.indexOf(",\n \"ingest\"")) + "}";

        assertThatThrownBy(() -> RankingFileReader.topic(new StringReader(withoutIngest), "t.json"))
                .isInstanceOf(RankingFileException.class)
                .hasMessageContaining("it has no ingest");
    }

    @Test
    void givenNoFile_whenRead_thenNoSuchFileNotARankingFileException() {
        assertThatThrownBy(() -> RankingFileReader.global(dir.resolve("GlobalRankings.json")))
                .isExactlyInstanceOf(NoSuchFileException.class);
    }
}
