package io.loadrank.webview.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.alerts.AlertRecord;
import io.loadrank.slice.Slice;
import io.loadrank.webview.SliceRankings;
import io.loadrank.webview.view.FleetView;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The metrics of a view fed by hand, as the Prometheus text format writer writes them. */
class FleetMetricsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final FleetView view = new FleetView("test", 10, 300, now::get);

    @Test
    void givenTwoSlices_whenScraped_thenEveryRankedHostHasItsSliceScoreRankLoadAndFleetScore() throws Exception {
        view.slice(SliceRankings.ranking(new Slice("prod", "eu"), 990_000, 1, List.of("a", "b"), List.of("s")));
        view.slice(SliceRankings.ranking(Slice.UNPLACED, 994_000, 3, List.of("c"), List.of()));

        String text = scrape(1_000);

        // a ranked by 2 of 3 shares: score 66.67, load 1.333
        assertThat(text)
                .contains(
                        "loadrank_host_score{cluster=\"prod\",datacenter=\"eu\",host=\"a\",rack=\"rack0\"} 66.66666666666667\n",
                        "loadrank_host_rank{cluster=\"prod\",datacenter=\"eu\",host=\"b\",rack=\"rack1\"} 2.0\n",
                        "loadrank_host_load{cluster=\"prod\",datacenter=\"eu\",host=\"a\",rack=\"rack0\"} 1.3333333333333335\n",
                        "loadrank_host_fleet_score{cluster=\"prod\",datacenter=\"eu\",host=\"a\",rack=\"rack0\"} 6.666666666666667\n",
                        "loadrank_host_score{cluster=\"\",datacenter=\"\",host=\"c\",rack=\"rack0\"} 100.0\n",
                        "loadrank_slice_hosts{cluster=\"prod\",datacenter=\"eu\"} 2.0\n",
                        "loadrank_slice_stale_hosts{cluster=\"prod\",datacenter=\"eu\"} 1.0\n",
                        "loadrank_slice_ranking_age_seconds{cluster=\"prod\",datacenter=\"eu\"} 10.0\n",
                        "loadrank_slice_ranked_timestamp_seconds{cluster=\"prod\",datacenter=\"eu\"} 990.0\n",
                        "loadrank_slice_emit_interval_seconds{cluster=\"prod\",datacenter=\"eu\"} 2.0\n",
                        "loadrank_ranking_age_seconds 6.0\n",
                        "loadrank_slices 2.0\n",
                        "# TYPE loadrank_view_rankings_total counter\n",
                        "loadrank_view_rankings_total 2.0\n");
    }

    @Test
    void givenMoreHostsThanTheTop_whenScraped_thenOnlyTheHottestOfEachSliceHaveSeriesAndTheCountsSaySo()
            throws Exception {
        view.slice(
                SliceRankings.ranking(new Slice(null, "eu"), 990_000, 0, SliceRankings.names("h", 5_000), List.of()));

        String text = scrape(3);

        assertThat(text.lines().filter(line -> line.startsWith("loadrank_host_")))
                .hasSize(3 * 3) // no fleet score in these records
                .allMatch(line ->
                        line.contains("host=\"h0\"") || line.contains("host=\"h1\"") || line.contains("host=\"h2\""));
        assertThat(text)
                .contains(
                        "loadrank_slice_hosts{cluster=\"\",datacenter=\"eu\"} 5000.0\n",
                        "loadrank_slice_exported_hosts{cluster=\"\",datacenter=\"eu\"} 3.0\n");
        assertThat(scrape(0)).doesNotContain("loadrank_host_score{");
    }

    @Test
    void givenNamesWithQuotesBackslashesAndNewlines_whenScraped_thenTheLabelValuesAreEscaped() throws Exception {
        view.slice(SliceRankings.ranking(new Slice("a\"b", "back\\slash\nnext"), 990_000, "h"));

        assertThat(scrape(10))
                .contains("loadrank_host_rank{cluster=\"a\\\"b\",datacenter=\"back\\\\slash\\nnext\",host=\"h\"");
    }

    @Test
    void givenActiveAndResolvedAlerts_whenScraped_thenEachActiveAlertIsOneSeries() throws Exception {
        view.alert(alert("hot/a", "firing", true));
        view.alert(alert("hot/b", "firing", false));
        view.alert(alert("hot/c", "firing", true));
        view.alert(alert("hot/c", "resolved", false));

        String text = scrape(10);

        assertThat(text)
                .contains(
                        "loadrank_alert_active{datacenter=\"eu\",host=\"a\",rule=\"hot\",state=\"firing\",subject=\"a\",when=\"score\"} 1.0\n",
                        "loadrank_alert_active{datacenter=\"eu\",host=\"b\",rule=\"hot\",state=\"clearing\",subject=\"b\",when=\"score\"} 1.0\n",
                        "loadrank_view_alert_events_total 4.0\n")
                .doesNotContain("subject=\"c\"");
    }

    private static AlertRecord alert(String id, String state, boolean holding) {
        String host = id.substring(id.indexOf('/') + 1);
        return new AlertRecord(
                id, state, "hot", "score", host, host, "eu", null, 40.0, 41.0, 1, holding, 1L, 1L, 1L, "hot");
    }

    private String scrape(int top) throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new FleetMetrics(view, top));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }
}
