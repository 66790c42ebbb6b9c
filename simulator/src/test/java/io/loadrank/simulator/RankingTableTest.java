package io.loadrank.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankingFileException;
import io.loadrank.rankingfile.RankingFileReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTableTest {

    /** GlobalRankings.json as the topology writes it (without the millis of lastSeen, which the table does without). */
    private static final String RANKING = """
            {"rankedAt":"2026-11-22T10:15:12Z","rankedAtMillis":1795342512000,
             "topics":[{"topic":"cpuLoad","weight":1.0,"windowSeconds":60.0},
                       {"topic":"readLatency","weight":1.0,"windowSeconds":58.0}],
             "hosts":[{"rank":1,"host":"cass-eu-west-1","score":61.5,"incomplete":false,"stale":false,
                       "lastSeen":"2026-11-22T10:15:11Z","shares":{"cpuLoad":60.0,"readLatency":63.0},
                       "averages":{"cpuLoad":91.25,"readLatency":25940.4}},
                      {"rank":2,"host":"cass-us-east-1","score":38.5,"incomplete":true,"stale":false,
                       "lastSeen":"2026-11-22T10:15:11Z","shares":{"cpuLoad":40.0,"readLatency":0.0},
                       "averages":{"cpuLoad":60.0}}],
             "stale":[{"host":"cass-sa-east-1","stale":true,"lastSeen":"2026-11-22T10:15:00Z"}]}
            """;

    private static GlobalRankingFile ranking() {
        try {
            return RankingFileReader.global(new StringReader(RANKING), "GlobalRankings.json");
        } catch (RankingFileException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void the_table_shows_rank_host_score_kind_averages_window_and_stale_hosts() {
        List<String> lines = RankingTable.render(
                ranking(), 1_795_342_514_000L, Map.of("cass-eu-west-1", "spike", "cass-sa-east-1", "silent"), 25);

        assertThat(lines.get(0)).contains("(2 s ago)", "window 58-60 s", "2 hosts ranked", "1 stale");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("#", "host", "score", "kind", "cpu %", "read us"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" +1 cass-eu-west-1 +61\\.5  spike +91\\.3 +25940"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" +2 cass-us-east-1 +38\\.5\\* +60\\.0 +-"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("cass-sa-east-1", "(14 s ago)", "[silent]"));
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThan(80));
    }

    @Test
    void only_the_top_hosts_are_listed() {
        List<String> lines = RankingTable.render(ranking(), 0, Map.of(), 1);

        assertThat(String.join("\n", lines))
                .contains("cass-eu-west-1", "... and 1 more hosts")
                .doesNotContain("cass-us-east-1 ");
    }

    @Test
    void the_ranking_time_comes_from_the_millis_or_the_iso_time() {
        assertThat(RankingTable.rankedAtMillis(ranking())).isEqualTo(1_795_342_512_000L);
        assertThat(RankingTable.rankedAtMillis(new GlobalRankingFile(
                        "2026-11-22T10:15:12Z", 0, 0, List.of(), List.of(), List.of(), null, null)))
                .isEqualTo(1_795_342_512_000L);
        assertThat(RankingTable.rankedAtMillis(
                        new GlobalRankingFile(null, 0, 0, List.of(), List.of(), List.of(), null, null)))
                .isEqualTo(-1);
    }

    /** GlobalRankings.json with datacenters: A and C in north, B in south, E without host info, D stale in north. */
    private static final String RANKING_WITH_DATACENTERS = """
            {"rankedAt":"2026-11-22T10:15:12Z","rankedAtMillis":1795342512000,
             "topics":[{"topic":"cpuLoad","weight":1.0,"windowSeconds":60.0}],
             "hosts":[{"rank":1,"host":"C","score":40.0,"incomplete":false,"datacenter":"north","rack":"r1","dcRank":1,
                       "dcScore":54.2,"shares":{"cpuLoad":40.0},"averages":{"cpuLoad":20.0}},
                      {"rank":2,"host":"A","score":34.4,"incomplete":false,"datacenter":"north","rack":"r2","dcRank":2,
                       "dcScore":45.8,"shares":{"cpuLoad":40.0},"averages":{"cpuLoad":20.0}},
                      {"rank":3,"host":"B","score":24.4,"incomplete":false,"datacenter":"south","rack":"r1","dcRank":1,
                       "dcScore":100.0,"shares":{"cpuLoad":20.0},"averages":{"cpuLoad":10.0}},
                      {"rank":4,"host":"E","score":1.2,"incomplete":false,"datacenter":null,"dcRank":null,
                       "dcScore":null,"shares":{"cpuLoad":2.0},"averages":{"cpuLoad":1.0}}],
             "stale":[{"host":"D","stale":true,"lastSeen":"2026-11-22T10:15:00Z","datacenter":"north"}]}
            """;

    private static GlobalRankingFile rankingWithDatacenters() {
        try {
            return RankingFileReader.global(new StringReader(RANKING_WITH_DATACENTERS), "GlobalRankings.json");
        } catch (RankingFileException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void givenDatacenters_whenGrouped_thenEachDatacenterListsItsHostsByTheirRankAndScoreWithinIt() {
        List<String> lines =
                RankingTable.renderByDatacenter(rankingWithDatacenters(), 1_795_342_514_000L, Map.of(), 25);

        String text = String.join("\n", lines);
        assertThat(lines.get(0)).contains("4 hosts ranked", "1 stale");
        assertThat(lines.get(1)).contains("2 datacenters");
        assertThat(text)
                .containsSubsequence(
                        "datacenter north · 2 hosts ranked · 1 stale",
                        "datacenter south",
                        "no host info · 1 hosts ranked fleet-wide only",
                        "STALE");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" +1 C +54\\.2 +20\\.0"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" +2 A +45\\.8 +20\\.0"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" +1 B +100\\.0 +10\\.0"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" +4 E +1\\.2 +1\\.0"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("D", "in north"));
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThan(80));
    }

    @Test
    void givenOneDatacenter_whenShownAlone_thenOnlyItsHostsAndItsStaleHostsAreListed() {
        List<String> lines =
                RankingTable.renderDatacenter(rankingWithDatacenters(), "north", 1_795_342_514_000L, Map.of(), 25);

        String text = String.join("\n", lines);
        assertThat(lines.get(0)).contains("2 hosts ranked", "1 stale");
        assertThat(lines.get(1)).contains("datacenter north");
        assertThat(text).containsSubsequence(" C ", " A ", "STALE", "D").doesNotContain(" B ", " E ");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" +1 C +54\\.2 +20\\.0"));
    }
}
