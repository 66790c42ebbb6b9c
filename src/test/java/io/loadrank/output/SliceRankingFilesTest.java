package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.loadrank.hostinfo.HostInfo;
import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.GlobalScorer;
import io.loadrank.slice.SliceRecordFormat;
import io.loadrank.window.HostAverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SliceRankingFilesTest {

    private static final long NOW = 1_763_800_000_000L;

    @TempDir
    Path directory;

    private static GlobalRanking ranking(Map<String, String> datacenterOfHost) {
        Map<String, HostInfo> info = new HashMap<>();
        for (Map.Entry<String, String> host : datacenterOfHost.entrySet()) {
            info.put(host.getKey(), HostInfo.of(host.getKey(), host.getValue()));
        }
        return ranking(info, datacenterOfHost.keySet());
    }

    /** Hosts named in {@code hosts}, placed by {@code info} where it has them. */
    private static GlobalRanking ranking(Map<String, HostInfo> info, java.util.Collection<String> hosts) {
        ArrayList<HostAverage> cpu = new ArrayList<>();
        int value = 10;
        for (String host : new java.util.TreeSet<>(hosts)) {
            cpu.add(new HostAverage(host, value, 60, NOW));
            value += 10;
        }
        GlobalScorer scorer = new GlobalScorer(List.of("cpuLoad"), new double[] {1}, 10_000);
        return scorer.score(
                Map.of("cpuLoad", new TopicRanking("cpuLoad", cpu, 60_000, IngestStats.empty(), NOW, NOW)), NOW, info);
    }

    private void publish(SliceRankingFiles files, GlobalRanking ranking) {
        files.publish(ranking, SliceRecordFormat.render(SliceRecords.of(ranking, 60, 2)));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void givenASliceName_whenNamed_thenTheFilesAreGlobalRankingsDashNameTxtAndJson() {
        assertThat(SliceRankingFiles.textFile("eu-west")).isEqualTo("GlobalRankings-eu-west.txt");
        assertThat(SliceRankingFiles.jsonFile("c1~eu-west")).isEqualTo("GlobalRankings-c1~eu-west.json");
        assertThat(SliceRankingFiles.sliceOf("GlobalRankings-eu-west.json")).isEqualTo("eu-west");
        assertThat(SliceRankingFiles.sliceOf("GlobalRankings.json")).isNull();
        assertThat(SliceRankingFiles.sliceOf("cpuLoad.txt")).isNull();
    }

    @ParameterizedTest(name = "[{index}] cluster \"{0}\"")
    @ValueSource(strings = {"/", "..", "../..", "a/b", "prod cluster", "../../etc/passwd", "~", ".", "a..b"})
    void givenClusterNamesThatLookLikePaths_whenPublished_thenEveryFileIsInTheOutputDirectory(String cluster)
            throws IOException {
        Path output = directory.resolve("out");
        Files.createDirectories(output);
        SliceRankingFiles files = new SliceRankingFiles(new RankingFileWriter(output));
        Map<String, HostInfo> info = Map.of(
                "A", new HostInfo("A", "north", null, null, cluster, null),
                "B", new HostInfo("B", "north", null, null, "other", null));

        publish(files, ranking(info, info.keySet()));

        try (Stream<Path> everything = Files.walk(directory)) {
            assertThat(everything.filter(Files::isRegularFile).map(path -> path.getParent()))
                    .containsOnly(output)
                    .hasSize(4);
        }
    }

    @Test
    void givenTwoClustersBothWithANorth_whenPublished_thenEachSliceHasItsOwnPairNamedAfterClusterAndDatacenter()
            throws IOException {
        SliceRankingFiles files = new SliceRankingFiles(new RankingFileWriter(directory));
        Map<String, HostInfo> info = Map.of(
                "A", new HostInfo("A", "north", null, null, "c1", null),
                "B", new HostInfo("B", "north", null, null, "c1", null),
                "C", new HostInfo("C", "north", null, null, "c2", null));

        publish(files, ranking(info, info.keySet()));

        assertThat(files())
                .containsExactly(
                        "GlobalRankings-c1~north.json",
                        "GlobalRankings-c1~north.txt",
                        "GlobalRankings-c2~north.json",
                        "GlobalRankings-c2~north.txt");
        assertThat(Files.readString(directory.resolve("GlobalRankings-c2~north.txt")))
                .isEqualTo("{C=100}\n");
    }

    @Test
    void givenHostsWithoutHostInfo_whenPublished_thenTheyHaveNoSliceFiles() throws IOException {
        SliceRankingFiles files = new SliceRankingFiles(new RankingFileWriter(directory));

        publish(files, ranking(Map.of("A", HostInfo.of("A", "north")), List.of("A", "B")));

        assertThat(files()).containsExactly("GlobalRankings-north.json", "GlobalRankings-north.txt");
    }

    @Test
    void givenTwoDatacenters_whenPublished_thenEachHasItsPairOfFiles() throws IOException {
        SliceRankingFiles files = new SliceRankingFiles(new RankingFileWriter(directory));

        publish(files, ranking(Map.of("A", "north", "B", "south", "C", "north")));

        assertThat(files())
                .containsExactly(
                        "GlobalRankings-north.json",
                        "GlobalRankings-north.txt",
                        "GlobalRankings-south.json",
                        "GlobalRankings-south.txt");
        assertThat(Files.readString(directory.resolve("GlobalRankings-south.txt")))
                .isEqualTo("{B=100}\n");
        JsonObject north = JsonParser.parseString(Files.readString(directory.resolve("GlobalRankings-north.json")))
                .getAsJsonObject();
        assertThat(north.get("datacenter").getAsString()).isEqualTo("north");
        assertThat(north.get("parts").getAsInt())
                .as("the whole slice, as its record")
                .isOne();
        assertThat(north.getAsJsonArray("hosts")).hasSize(2);
    }

    @Test
    void givenADatacenterWhoseHostsAllLeft_whenPublished_thenItsFilesAreRemovedAndTheOthersStay() throws IOException {
        SliceRankingFiles files = new SliceRankingFiles(new RankingFileWriter(directory));
        publish(files, ranking(Map.of("A", "north", "B", "south")));

        publish(files, ranking(Map.of("A", "north")));

        assertThat(files()).containsExactly("GlobalRankings-north.json", "GlobalRankings-north.txt");
    }

    @Test
    void givenFilesOfAnEarlierRun_whenTheFirstRankingHasNoSuchDatacenter_thenTheyAreRemovedAndOtherFilesStay()
            throws IOException {
        for (String name : List.of(
                "GlobalRankings-old.txt",
                "GlobalRankings-old.json",
                "GlobalRankings.txt",
                "cpuLoad.txt",
                "notes-old.txt")) {
            Files.writeString(directory.resolve(name), "x");
        }
        SliceRankingFiles files = new SliceRankingFiles(new RankingFileWriter(directory));

        publish(files, ranking(Map.of("A", "north")));

        assertThat(files())
                .containsExactly(
                        "GlobalRankings-north.json",
                        "GlobalRankings-north.txt",
                        "GlobalRankings.txt",
                        "cpuLoad.txt",
                        "notes-old.txt");
    }
}
