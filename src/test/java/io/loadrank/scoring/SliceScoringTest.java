package io.loadrank.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.output.RankingText;
import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.slice.Slice;
import io.loadrank.window.HostAverage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-slice ranking of {@link GlobalScorer}: a datacenter of a cluster (docs/DATACENTERS.md). */
class SliceScoringTest {

    private static final long NOW = 1_763_800_000_000L;
    private static final long STALE_AFTER = 10_000;
    private static final List<String> WORKED_TOPICS = List.of("cpuLoad", "memLoad", "latency");

    private final GlobalScorer scorer = new GlobalScorer(WORKED_TOPICS, new double[] {1, 1, 1}, STALE_AFTER);

    private static TopicRanking topic(String name, Object... hostValuePairs) {
        ArrayList<HostAverage> ranked = new ArrayList<>();
        for (int i = 0; i < hostValuePairs.length; i += 2) {
            ranked.add(new HostAverage(
                    (String) hostValuePairs[i], ((Number) hostValuePairs[i + 1]).doubleValue(), 60, NOW));
        }
        return new TopicRanking(name, ranked, 60_000, IngestStats.empty(), NOW, NOW);
    }

    private static Map<String, TopicRanking> workedExample() {
        Map<String, TopicRanking> latest = new HashMap<>();
        for (TopicRanking ranking : List.of(
                topic("cpuLoad", "A", 20, "B", 10, "C", 20),
                topic("memLoad", "A", 30, "B", 20, "C", 50),
                topic("latency", "A", 20, "B", 20, "C", 20))) {
            latest.put(ranking.topic(), ranking);
        }
        return latest;
    }

    private static Map<String, HostInfo> placed(String... hostDatacenterPairs) {
        Map<String, HostInfo> info = new HashMap<>();
        for (int i = 0; i < hostDatacenterPairs.length; i += 2) {
            info.put(hostDatacenterPairs[i], HostInfo.of(hostDatacenterPairs[i], hostDatacenterPairs[i + 1]));
        }
        return info;
    }

    private static SliceScores datacenter(GlobalRanking ranking, String name) {
        return slice(ranking, new Slice(null, name));
    }

    private static SliceScores slice(GlobalRanking ranking, Slice slice) {
        return ranking.slices().stream()
                .filter(each -> each.slice().equals(slice))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, HostInfo> inClusters(String... hostClusterDatacenter) {
        Map<String, HostInfo> info = new HashMap<>();
        for (int i = 0; i < hostClusterDatacenter.length; i += 3) {
            String host = hostClusterDatacenter[i];
            info.put(
                    host,
                    new HostInfo(host, hostClusterDatacenter[i + 2], null, null, hostClusterDatacenter[i + 1], null));
        }
        return info;
    }

    @Test
    void
            givenTheWorkedExampleWithAAndCInNorthAndBInSouth_whenScored_thenNorthIsC54A46SouthIsB100AndTheFleetIsUnchanged() {
        GlobalRanking ranking = scorer.score(workedExample(), NOW, placed("A", "north", "C", "north", "B", "south"));

        assertThat(ranking.slices())
                .extracting(SliceScores::slice)
                .containsExactly(new Slice(null, "north"), new Slice(null, "south"));
        assertThat(RankingText.slice(datacenter(ranking, "north"))).isEqualTo("{C=54, A=46}\n");
        assertThat(RankingText.slice(datacenter(ranking, "south"))).isEqualTo("{B=100}\n");
        assertThat(RankingText.global(ranking)).isEqualTo("{C=41, A=34, B=24}\n");
        HostScore a = datacenter(ranking, "north").ranked().get(1);
        assertThat(a.host()).isEqualTo("A");
        assertThat(a.dcShares()).containsExactly(new double[] {50, 37.5, 50}, within(1e-9));
        assertThat(a.dcScore()).isCloseTo(137.5 / 3, within(1e-9));
        assertThat(a.dcRank()).isEqualTo(2);
        assertThat(a.shares())
                .as("fleet shares unchanged")
                .containsExactly(new double[] {40, 30, 100 / 3.0}, within(1e-9));
        assertThat(ranking.ranked())
                .as("the fleet list holds the same host objects")
                .contains(datacenter(ranking, "north").ranked().get(0));
    }

    @ParameterizedTest(name = "[{index}] A in {0}, B in {1}, C in {2} -> dcScores A {3}, B {4}, C {5}")
    @CsvSource({
        "north, south, north, 45.833333, 100,       54.166667",
        "north, north, north, 34.444444, 24.444444, 41.111111",
        "x,     y,     z,     100,       100,       100",
        "north, north, south, 58.888889, 41.111111, 100",
    })
    void givenPlacements_whenScored_thenEachDatacenterHasTheFleetFormulaAmongItsOwnHosts(
            String aDc, String bDc, String cDc, double a, double b, double c) {
        GlobalRanking ranking = scorer.score(workedExample(), NOW, placed("A", aDc, "B", bDc, "C", cDc));

        Map<String, Double> dcScores = new HashMap<>();
        ranking.ranked().forEach(host -> dcScores.put(host.host(), host.dcScore()));
        assertThat(dcScores.get("A")).isCloseTo(a, within(1e-5));
        assertThat(dcScores.get("B")).isCloseTo(b, within(1e-5));
        assertThat(dcScores.get("C")).isCloseTo(c, within(1e-5));
        assertThat(RankingText.global(ranking))
                .as("the fleet ranking never depends on the datacenters")
                .isEqualTo("{C=41, A=34, B=24}\n");
    }

    @Test
    void givenTwoClustersThatBothNameADatacenterNorth_whenScored_thenEachClustersNorthIsASliceWithItsOwnShares() {
        GlobalRanking ranking = scorer.score(
                workedExample(), NOW, inClusters("A", "c1", "north", "B", "c1", "north", "C", "c2", "north"));

        assertThat(ranking.slices())
                .extracting(SliceScores::slice)
                .containsExactly(new Slice("c1", "north"), new Slice("c2", "north"));
        // A and B among themselves: cpu 20/30 10/30, mem 30/50 20/50, latency 20/40 20/40
        assertThat(RankingText.slice(slice(ranking, new Slice("c1", "north")))).isEqualTo("{A=59, B=41}\n");
        assertThat(RankingText.slice(slice(ranking, new Slice("c2", "north")))).isEqualTo("{C=100}\n");
        assertThat(RankingText.global(ranking)).as("the fleet is unchanged").isEqualTo("{C=41, A=34, B=24}\n");
    }

    @Test
    void givenAHostWithoutHostInfo_whenScored_thenItIsInTheSliceOfTheHostsWithoutHostInfo() {
        GlobalRanking ranking = scorer.score(workedExample(), NOW, placed("A", "north", "C", "north"));

        HostScore b = ranking.ranked().stream()
                .filter(host -> host.host().equals("B"))
                .findFirst()
                .orElseThrow();
        assertThat(b.datacenter()).isNull();
        assertThat(b.dcRank()).isOne();
        assertThat(b.dcScore()).isCloseTo(100, within(1e-9));
        assertThat(b.load()).isCloseTo(1, within(1e-9));
        assertThat(ranking.slices())
                .extracting(SliceScores::slice)
                .containsExactly(Slice.UNPLACED, new Slice(null, "north"));
        assertThat(datacenter(ranking, "north").ranked())
                .extracting(HostScore::host)
                .containsExactly("C", "A");
        assertThat(RankingText.global(ranking)).isEqualTo("{C=41, A=34, B=24}\n");
    }

    @Test
    void givenNoHostInfo_whenScored_thenEveryHostIsInOneSliceWhoseScoresAreTheFleets() {
        GlobalRanking ranking = scorer.score(workedExample(), NOW, Map.of());

        assertThat(ranking.slices()).extracting(SliceScores::slice).containsExactly(Slice.UNPLACED);
        assertThat(ranking.ranked()).allSatisfy(host -> {
            assertThat(host.datacenter()).isNull();
            assertThat(host.dcScore()).isCloseTo(host.score(), within(1e-9));
        });
        assertThat(RankingText.global(ranking)).isEqualTo(RankingText.global(scorer.score(workedExample(), NOW)));
    }

    @Test
    void givenASlice_whenScored_thenEachHostsLoadIsItsScoreOverTheSliceMean() {
        GlobalRanking ranking = scorer.score(workedExample(), NOW, placed("A", "north", "C", "north", "B", "south"));

        SliceScores north = datacenter(ranking, "north");
        assertThat(north.meanScore()).isCloseTo(50, within(1e-9));
        assertThat(north.ranked().get(0).load()).isCloseTo(162.5 / 150, within(1e-9));
        assertThat(north.ranked().get(1).load()).isCloseTo(137.5 / 150, within(1e-9));
        assertThat(datacenter(ranking, "south").ranked().get(0).load()).isCloseTo(1, within(1e-9));
    }

    @Test
    void givenAStaleHostInADatacenter_whenScored_thenItIsListedStaleInItsDatacenterAndLeftOutOfItsShares() {
        GlobalScorer oneTopic = new GlobalScorer(List.of("cpuLoad"), new double[] {1}, STALE_AFTER);
        ArrayList<HostAverage> cpu = new ArrayList<>(List.of(
                new HostAverage("A", 30, 60, NOW),
                new HostAverage("B", 10, 60, NOW),
                new HostAverage("D", 90, 50, NOW - STALE_AFTER - 1),
                new HostAverage("E", 40, 60, NOW),
                new HostAverage("F", 70, 20, NOW - STALE_AFTER - 5)));
        Map<String, TopicRanking> latest =
                Map.of("cpuLoad", new TopicRanking("cpuLoad", cpu, 60_000, IngestStats.empty(), NOW, NOW));

        GlobalRanking ranking = oneTopic.score(
                latest, NOW, placed("A", "north", "B", "north", "D", "north", "E", "south", "F", "west"));

        SliceScores north = datacenter(ranking, "north");
        assertThat(north.ranked()).extracting(HostScore::host).containsExactly("A", "B");
        assertThat(north.ranked()).extracting(HostScore::dcScore).containsExactly(75.0, 25.0);
        assertThat(north.stale()).extracting(HostLastSeen::host).containsExactly("D");
        assertThat(RankingText.slice(north)).isEqualTo("{A=75, B=25}\nSTALE: {D=lastSeen 2025-11-22T08:26:29Z}\n");
        assertThat(datacenter(ranking, "south").stale()).isEmpty();
        SliceScores west = datacenter(ranking, "west");
        assertThat(west.ranked())
                .as("a datacenter whose hosts are all stale is still listed")
                .isEmpty();
        assertThat(west.stale()).extracting(HostLastSeen::host).containsExactly("F");
        assertThat(ranking.stale()).extracting(HostLastSeen::host).containsExactly("D", "F");
        assertThat(ranking.stale().get(0).info()).isEqualTo(HostInfo.of("D", "north"));
    }

    @Test
    void givenManyStaleHostsInTwoDatacenters_whenScored_thenEachDatacentersStaleListIsInHostNameOrder() {
        GlobalScorer oneTopic = new GlobalScorer(List.of("cpuLoad"), new double[] {1}, STALE_AFTER);
        ArrayList<HostAverage> cpu = new ArrayList<>();
        Map<String, HostInfo> info = new HashMap<>();
        List<String> north = new ArrayList<>();
        List<String> south = new ArrayList<>();
        cpu.add(new HostAverage("live", 50, 60, NOW));
        // names whose hash order is not their name order, in neither datacenter
        for (int i = 199; i >= 0; i--) {
            String host = "stale-" + Integer.toString(i * 7919 % 1000, 36);
            cpu.add(new HostAverage(host, i, 10, NOW - STALE_AFTER - 1 - i));
            String datacenter = i % 3 == 0 ? "north" : "south";
            info.put(host, HostInfo.of(host, datacenter));
            (i % 3 == 0 ? north : south).add(host);
        }
        north.sort(null);
        south.sort(null);
        Map<String, TopicRanking> latest =
                Map.of("cpuLoad", new TopicRanking("cpuLoad", cpu, 60_000, IngestStats.empty(), NOW, NOW));

        GlobalRanking ranking = oneTopic.score(latest, NOW, info);

        assertThat(datacenter(ranking, "north").stale())
                .extracting(HostLastSeen::host)
                .containsExactlyElementsOf(north);
        assertThat(datacenter(ranking, "south").stale())
                .extracting(HostLastSeen::host)
                .containsExactlyElementsOf(south);
        assertThat(datacenter(ranking, "north").stale().get(0).info()).isEqualTo(HostInfo.of(north.get(0), "north"));
    }

    @Test
    void givenEqualScoresInADatacenter_whenRanked_thenTiesAreOrderedByHostName() {
        GlobalScorer oneTopic = new GlobalScorer(List.of("cpuLoad"), new double[] {1}, STALE_AFTER);

        GlobalRanking ranking = oneTopic.score(
                Map.of("cpuLoad", topic("cpuLoad", "zeta", 5, "alpha", 5, "mid", 9)),
                NOW,
                placed("zeta", "dc1", "alpha", "dc1", "mid", "dc2"));

        assertThat(datacenter(ranking, "dc1").ranked())
                .extracting(HostScore::host)
                .containsExactly("alpha", "zeta");
        assertThat(datacenter(ranking, "dc1").ranked())
                .extracting(HostScore::dcRank)
                .containsExactly(1, 2);
    }
}
