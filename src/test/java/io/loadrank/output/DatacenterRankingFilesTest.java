package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.loadrank.hostinfo.HostInfo;
import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.GlobalScorer;
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

class DatacenterRankingFilesTest {

    private static final long NOW = 1_763_800_000_000L;

    @TempDir
    Path directory;

    private static GlobalRanking ranking(Map<String, String> datacenterOfHost) {
        ArrayList<HostAverage> cpu = new ArrayList<>();
        Map<String, HostInfo> info = new HashMap<>();
        int value = 10;
        for (Map.Entry<String, String> host : datacenterOfHost.entrySet()) {
            cpu.add(new HostAverage(host.getKey(), value, 60, NOW));
            value += 10;
            info.put(host.getKey(), HostInfo.of(host.getKey(), host.getValue()));
        }
        GlobalScorer scorer = new GlobalScorer(List.of("cpuLoad"), new double[] {1}, 10_000);
        return scorer.score(
                Map.of("cpuLoad", new TopicRanking("cpuLoad", cpu, 60_000, IngestStats.empty(), NOW, NOW)), NOW, info);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void givenADatacenterName_whenNamed_thenTheFilesAreGlobalRankingsDashNameTxtAndJson() {
        assertThat(DatacenterRankingFiles.textFile("eu-west")).isEqualTo("GlobalRankings-eu-west.txt");
        assertThat(DatacenterRankingFiles.jsonFile("eu-west")).isEqualTo("GlobalRankings-eu-west.json");
        assertThat(DatacenterRankingFiles.datacenterOf("GlobalRankings-eu-west.json"))
                .isEqualTo("eu-west");
        assertThat(DatacenterRankingFiles.datacenterOf("GlobalRankings.json")).isNull();
        assertThat(DatacenterRankingFiles.datacenterOf("cpuLoad.txt")).isNull();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"../x", "a/b", "", "eu west", "<b>", "a\\b"})
    void givenANameThatIsNotADatacenterName_whenNamed_thenNoFileNameIsMade(String datacenter) {
        assertThatThrownBy(() -> DatacenterRankingFiles.textFile(datacenter))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatacenterRankingFiles.jsonFile(datacenter))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTwoDatacenters_whenPublished_thenEachHasItsPairOfFiles() throws IOException {
        DatacenterRankingFiles files = new DatacenterRankingFiles(new RankingFileWriter(directory));

        files.publish(ranking(Map.of("A", "north", "B", "south", "C", "north")));

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
        assertThat(north.getAsJsonArray("hosts")).hasSize(2);
    }

    @Test
    void givenADatacenterWhoseHostsAllLeft_whenPublished_thenItsFilesAreRemovedAndTheOthersStay() throws IOException {
        DatacenterRankingFiles files = new DatacenterRankingFiles(new RankingFileWriter(directory));
        files.publish(ranking(Map.of("A", "north", "B", "south")));

        files.publish(ranking(Map.of("A", "north")));

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
        DatacenterRankingFiles files = new DatacenterRankingFiles(new RankingFileWriter(directory));

        files.publish(ranking(Map.of("A", "north")));

        assertThat(files())
                .containsExactly(
                        "GlobalRankings-north.json",
                        "GlobalRankings-north.txt",
                        "GlobalRankings.txt",
                        "cpuLoad.txt",
                        "notes-old.txt");
    }
}
