package io.loadrank.webview.view;

import static io.loadrank.webview.SliceRankings.names;
import static io.loadrank.webview.SliceRankings.ranking;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.alerts.AlertRecord;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceRanking;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetViewTest {

    private static final Slice PROD_US = new Slice("prod", "us");
    private static final Slice PROD_EU = new Slice("prod", "eu");
    private static final Slice TEST_EU = new Slice("test", "eu");

    private final FleetView view = new FleetView("fleet", 10, 300, () -> 100_000L);

    @Test
    void givenSlicesAndHostsWithoutHostInfo_whenViewed_thenOneGroupPerSliceByClusterAndDatacenterTheUnplacedLast() {
        view.slice(ranking(Slice.UNPLACED, 90_000, "B"));
        view.slice(ranking(PROD_US, 90_000, "D", "A"));
        view.slice(ranking(TEST_EU, 90_000, "E"));
        view.slice(ranking(PROD_EU, 90_000, "C"));

        ViewModel model = view.view(new Query("", 20));

        assertThat(model.datacenters())
                .extracting(ViewModel.Datacenter::name)
                .containsExactly("prod/eu", "prod/us", "test/eu", "(no host info)");
        assertThat(model.datacenters().get(1).rows())
                .as("in the slice's own order")
                .extracting(ViewModel.Row::host)
                .containsExactly("D", "A");
        assertThat(model.datacenters().get(1).cluster()).isEqualTo("prod");
        assertThat(model.datacenters().get(1).datacenter()).isEqualTo("us");
        assertThat(model.hosts()).isEqualTo(5);
        assertThat(model.stats().slices()).isEqualTo(4);
    }

    @Test
    void givenAHost_whenViewed_thenItsRowHasItsSliceRankScoreAndLoadAndItsFleetRankAndScore() {
        SliceRanking ranking = ranking(PROD_US, 90_000, 4, List.of("D", "A"), List.of());
        view.slice(ranking);

        ViewModel.Row row =
                view.view(new Query("", 20)).datacenters().get(0).rows().get(1);

        SliceHost a = ranking.hosts().get(1);
        assertThat(row.host()).isEqualTo("A");
        assertThat(row.rank()).isEqualTo(2);
        assertThat(row.score()).isEqualTo(a.score());
        assertThat(row.load()).isEqualTo(a.load());
        assertThat(row.fleetRank()).isEqualTo(6);
        assertThat(row.fleetScore()).isEqualTo(a.fleetScore());
        assertThat(row.rack()).isEqualTo("rack1");
        assertThat(row.averages()).containsOnlyKeys("cpuLoad", "memLoad");
    }

    @Test
    void givenARecordWithoutFleetRankOrScore_whenViewed_thenTheyAreNullNotNaN() {
        view.slice(ranking(PROD_US, 90_000, "A"));

        ViewModel.Row row =
                view.view(new Query("", 20)).datacenters().get(0).rows().get(0);

        assertThat(row.fleetRank()).isNull();
        assertThat(row.fleetScore()).isNull();
    }

    @Test
    void givenANewerRankingOfASlice_whenTaken_thenItReplacesTheSlicesHostsAndTheOtherSlicesStay() {
        view.slice(ranking(PROD_US, 90_000, "A", "B"));
        view.slice(ranking(PROD_EU, 90_000, "C"));

        view.slice(ranking(PROD_US, 92_000, "B"));
        view.slice(ranking(PROD_US, 91_000, "old"));

        ViewModel model = view.view(new Query("", 20));
        assertThat(model.datacenters().get(1).rows())
                .extracting(ViewModel.Row::host)
                .containsExactly("B");
        assertThat(model.datacenters().get(0).rows())
                .extracting(ViewModel.Row::host)
                .containsExactly("C");
        assertThat(model.rankedAtMillis()).isEqualTo(92_000);
    }

    @Test
    void givenASliceThatLeft_whenViewed_thenItsHostsAreGoneAndTheViewSaysSomethingChanged() {
        view.slice(ranking(PROD_US, 90_000, "A"));
        view.slice(ranking(PROD_EU, 90_000, "C"));
        long before = view.sequence();

        view.sliceLeft(PROD_US);

        ViewModel model = view.view(new Query("", 20));
        assertThat(model.datacenters()).extracting(ViewModel.Datacenter::name).containsExactly("prod/eu");
        assertThat(model.hosts()).isEqualTo(1);
        assertThat(view.sequence()).isGreaterThan(before);
    }

    @Test
    void givenManyHosts_whenViewedWithTopAndSearch_thenOnlyTheFirstMatchingRowsWithTheCounts() {
        view.slice(ranking(PROD_EU, 90_000, names("cass-", 5_000).toArray(String[]::new)));

        ViewModel top = view.view(new Query("", 5));
        ViewModel search = view.view(new Query("CASS-99", 3));

        assertThat(top.datacenters().get(0).rows())
                .extracting(ViewModel.Row::host)
                .containsExactly("cass-0", "cass-1", "cass-2", "cass-3", "cass-4");
        assertThat(top.datacenters().get(0).total()).isEqualTo(5_000);
        assertThat(top.datacenters().get(0).matching()).isEqualTo(5_000);
        assertThat(search.datacenters().get(0).rows())
                .extracting(ViewModel.Row::host)
                .containsExactly("cass-99", "cass-990", "cass-991");
        assertThat(search.datacenters().get(0).matching()).as("99, 990-999").isEqualTo(11);
    }

    @Test
    void givenStaleHosts_whenViewed_thenListedUnderTheirSlice() {
        view.slice(ranking(PROD_US, 90_000, 0, List.of("A"), List.of("S")));
        view.slice(ranking(Slice.UNPLACED, 90_000, 0, List.of(), List.of("T")));

        ViewModel model = view.view(new Query("", 20));

        assertThat(model.datacenters())
                .extracting(ViewModel.Datacenter::name)
                .containsExactly("prod/us", "(no host info)");
        assertThat(model.datacenters().get(0).stale())
                .extracting(ViewModel.StaleRow::host)
                .containsExactly("S");
        assertThat(model.datacenters().get(1).stale())
                .extracting(ViewModel.StaleRow::host)
                .containsExactly("T");
        assertThat(model.staleHosts()).isEqualTo(2);
    }

    @Test
    void givenAlertEvents_whenViewed_thenTheFiringOnesAreActiveTheirHostsMarkedAndCountedUnderTheirDatacenter() {
        view.slice(ranking(PROD_US, 90_000, "A", "B"));
        view.alert(alert("hot/A", "firing", "A", "us"));
        view.alert(alert("hot/B", "firing", "B", "us"));
        view.alert(alert("hot/B", "resolved", "B", "us"));
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
                .as("the topic's alert is the fleet's, not a slice's")
                .isEqualTo(1);
    }

    @Test
    void givenSeveralRankings_whenViewed_thenEachRowHasTheSparklineOfItsScoresAndTheChartItsAverages() {
        for (int i = 0; i < 5; i++) {
            view.slice(rankingOf(PROD_US, 60_000 + i * 2_000L, i % 2 == 0 ? List.of("A") : List.of("A", "B")));
        }

        ViewModel model = view.view(new Query("", 20));
        FleetView.HostChart chart = view.host("A");

        assertThat(model.datacenters().get(0).rows().get(0).spark())
                .as("A alone has 100, beside B two thirds")
                .containsExactly(100.0, 66.66666412353516, 100.0, 66.66666412353516, 100.0);
        assertThat(chart.averages().keySet()).containsExactly("cpuLoad", "memLoad");
        assertThat(chart.averages().get("memLoad")).containsExactly(51.0, 51.0, 51.0, 51.0, 51.0);
        assertThat(chart.times()).hasSize(5);
        assertThat(view.host("nobody")).isNull();
    }

    @Test
    void givenTheSlicesOfOneEmit_whenTaken_thenTheyShareOneHistoryPoint() {
        view.slice(ranking(PROD_US, 60_000, "A"));
        view.slice(ranking(PROD_EU, 60_000, "C"));
        view.slice(ranking(PROD_US, 62_000, "A"));
        view.slice(ranking(PROD_EU, 62_000, "C"));

        assertThat(view.host("A").times()).containsExactly(60_000L, 62_000L);
        assertThat(view.host("C").scores()).containsExactly(100.0, 100.0);
    }

    private static SliceRanking rankingOf(Slice slice, long at, List<String> hosts) {
        return ranking(slice, at, 0, hosts, List.of());
    }

    static AlertRecord alert(String id, String state, String host, String datacenter) {
        return new AlertRecord(
                id,
                state,
                "hot",
                "score",
                host,
                host,
                datacenter,
                null,
                20.0,
                30.0,
                1,
                true,
                1L,
                2L,
                3L,
                "score of " + host);
    }
}
