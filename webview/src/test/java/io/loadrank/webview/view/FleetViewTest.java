package io.loadrank.webview.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankedHost;
import io.loadrank.rankingfile.StaleHost;
import io.loadrank.rankingfile.TopicWeight;
import io.loadrank.webview.record.AlertRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetViewTest {

    private final FleetView view = new FleetView("fleet", 10, 300, () -> 100_000L);

    @Test
    void givenHostsInDatacentersAndWithout_whenViewed_thenGroupedByDatacenterByNameWithTheHostsWithoutOneLast() {
        view.ranking(ranking(
                90_000,
                host(1, "A", 40, "us", 2, 45.0),
                host(2, "B", 30, null, null, null),
                host(3, "C", 20, "eu", 1, 100.0),
                host(4, "D", 10, "us", 1, 55.0)));

        ViewModel model = view.view(new Query("", 20));

        assertThat(model.datacenters())
                .extracting(ViewModel.Datacenter::name)
                .containsExactly("eu", "us", "(no datacenter)");
        assertThat(model.datacenters().get(1).rows())
                .as("in the datacenter's own order")
                .extracting(ViewModel.Row::host)
                .containsExactly("D", "A");
        assertThat(model.hosts()).isEqualTo(4);
        assertThat(model.rankedAtMillis()).isEqualTo(90_000);
    }

    @Test
    void givenManyHosts_whenViewedWithTopAndSearch_thenOnlyTheFirstMatchingRowsWithTheCounts() {
        List<RankedHost> hosts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            hosts.add(host(i + 1, "cass-" + i, 10_000 - i, i % 2 == 0 ? "eu" : "us", i / 2 + 1, null));
        }
        view.ranking(ranking(90_000, List.of(), hosts, List.of()));

        ViewModel top = view.view(new Query("", 5));
        ViewModel search = view.view(new Query("CASS-99", 3));

        assertThat(top.datacenters().get(0).rows())
                .extracting(ViewModel.Row::host)
                .containsExactly("cass-0", "cass-2", "cass-4", "cass-6", "cass-8");
        assertThat(top.datacenters().get(0).total()).isEqualTo(5_000);
        assertThat(top.datacenters().get(0).matching()).isEqualTo(5_000);
        assertThat(search.datacenters().get(0).rows())
                .extracting(ViewModel.Row::host)
                .containsExactly("cass-990", "cass-992", "cass-994");
        assertThat(search.datacenters().get(0).matching())
                .as("990-998 and 9900-9998, even")
                .isEqualTo(55);
    }

    @Test
    void givenStaleHosts_whenViewed_thenListedUnderTheirDatacenter() {
        view.ranking(ranking(
                90_000,
                List.of(),
                List.of(host(1, "A", 40, "us", 1, 100.0)),
                List.of(stale("S", 80_000L, "us", null), stale("T", 70_000L, null, null))));

        ViewModel model = view.view(new Query("", 20));

        assertThat(model.datacenters()).extracting(ViewModel.Datacenter::name).containsExactly("us", "(no datacenter)");
        assertThat(model.datacenters().get(0).stale())
                .extracting(ViewModel.StaleRow::host)
                .containsExactly("S");
        assertThat(model.datacenters().get(1).stale())
                .extracting(ViewModel.StaleRow::host)
                .containsExactly("T");
        assertThat(model.staleHosts()).isEqualTo(2);
    }

    @Test
    void givenAlertEvents_whenViewed_thenTheFiringOnesAreActiveAndTheirHostsMarked() {
        view.ranking(ranking(90_000, host(1, "A", 40, null, null, null), host(2, "B", 30, null, null, null)));
        view.alert(alert("hot/A", "firing", "A"));
        view.alert(alert("hot/B", "firing", "B"));
        view.alert(alert("hot/B", "resolved", "B"));
        view.alert(new AlertRecord(
                "fleet/cpuLoad",
                "firing",
                "fleet",
                "topicAverage",
                "cpuLoad",
                null,
                null,
                "cpuLoad",
                50.0,
                60.0,
                1,
                true,
                1L,
                2L,
                3L,
                "cpuLoad average over 2 hosts is 60.0, above 50.0"));

        ViewModel model = view.view(new Query("", 20));

        assertThat(model.alerts()).extracting(AlertRecord::id).containsExactly("hot/A", "fleet/cpuLoad");
        assertThat(model.resolved()).extracting(AlertRecord::id).containsExactly("hot/B");
        assertThat(model.datacenters().get(0).rows())
                .extracting(ViewModel.Row::alerting)
                .containsExactly(true, false);
        assertThat(model.datacenters().get(0).alerts())
                .as("the topic's alert is the fleet's, not a datacenter's")
                .isEqualTo(1);
    }

    @Test
    void givenSeveralRankings_whenViewed_thenEachRowHasTheSparklineOfItsScoresAndTheChartItsAverages() {
        for (int i = 0; i < 5; i++) {
            view.ranking(ranking(60_000 + i * 2_000L, host(1, "A", 10 + i, null, null, null)));
        }

        ViewModel model = view.view(new Query("", 20));
        FleetView.HostChart chart = view.host("A");

        assertThat(model.datacenters().get(0).rows().get(0).spark()).containsExactly(10.0, 11.0, 12.0, 13.0, 14.0);
        assertThat(chart.averages().get("cpuLoad")).containsExactly(10.0, 11.0, 12.0, 13.0, 14.0);
        assertThat(chart.times()).hasSize(5);
        assertThat(view.host("nobody")).isNull();
    }

    @Test
    void givenAFirstRankingWithoutTheFirstTopicsValue_whenCharted_thenTheChartsFollowTheRankingsTopicOrder() {
        List<TopicWeight> topics =
                List.of(new TopicWeight("cpuLoad", 1.0, 60.0), new TopicWeight("memLoad", 1.0, 60.0));
        // the first ranking came before cpuLoad's: the host has a memLoad average only
        view.ranking(ranking(
                60_000,
                topics,
                List.of(withAverages(host(1, "A", 10, null, null, null), Map.of("memLoad", 40.0))),
                List.of()));
        view.ranking(ranking(
                62_000,
                topics,
                List.of(withAverages(host(1, "A", 11, null, null, null), Map.of("memLoad", 41.0, "cpuLoad", 20.0))),
                List.of()));

        assertThat(view.host("A").averages().keySet()).containsExactly("cpuLoad", "memLoad");
    }

    private static RankedHost withAverages(RankedHost host, Map<String, Double> averages) {
        return new RankedHost(
                host.rank(),
                host.host(),
                host.score(),
                host.incomplete(),
                host.stale(),
                host.lastSeen(),
                host.lastSeenMillis(),
                host.shares(),
                averages,
                host.datacenter(),
                host.rack(),
                host.hostId(),
                host.address(),
                host.dcRank(),
                host.dcScore());
    }

    static GlobalRankingFile ranking(long at, RankedHost... hosts) {
        return ranking(at, List.of(new TopicWeight("cpuLoad", 1.0, 60.0)), List.of(hosts), List.of());
    }

    static GlobalRankingFile ranking(long at, List<TopicWeight> topics, List<RankedHost> hosts, List<StaleHost> stale) {
        return new GlobalRankingFile(null, at, at, topics, hosts, stale, null, null);
    }

    static RankedHost host(int rank, String name, double score, String datacenter, Integer dcRank, Double dcScore) {
        return new RankedHost(
                rank,
                name,
                score,
                false,
                false,
                null,
                0L,
                Map.of(),
                Map.of("cpuLoad", score),
                datacenter,
                null,
                null,
                null,
                dcRank,
                dcScore);
    }

    static StaleHost stale(String name, long lastSeenMillis, String datacenter, String rack) {
        return new StaleHost(name, true, null, lastSeenMillis, datacenter, rack, null);
    }

    static AlertRecord alert(String id, String state, String host) {
        return new AlertRecord(
                id, state, "hot", "score", host, host, null, null, 20.0, 30.0, 1, true, 1L, 2L, 3L, "score of " + host);
    }
}
