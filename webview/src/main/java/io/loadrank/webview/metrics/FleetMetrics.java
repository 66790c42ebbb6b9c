package io.loadrank.webview.metrics;

import io.loadrank.alerts.AlertRecord;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceRanking;
import io.loadrank.webview.view.FleetView;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The view's state as Prometheus metrics (docs/WEBVIEW.md, "Prometheus"), read from the {@link FleetView}
 * at each scrape: the Prometheus Java client's data model, written out by its text format writers,
 * which escape every label value. Per slice at most {@code top} hosts, the hottest, get series.
 */
public final class FleetMetrics implements MultiCollector {

    /** Series per exported host: score, rank, load, fleet score. */
    public static final int SERIES_PER_HOST = 4;

    static final String[] HOST_LABELS = {"cluster", "datacenter", "rack", "host"};
    static final String[] SLICE_LABELS = {"cluster", "datacenter"};
    static final String[] ALERT_LABELS = {"rule", "when", "subject", "host", "datacenter", "state"};

    private final FleetView view;
    private final int top;

    /**
     * @param top hosts exported per slice, the first by rank within the slice (0: none)
     */
    public FleetMetrics(FleetView view, int top) {
        this.view = view;
        this.top = top;
    }

    @Override
    public MetricSnapshots collect() {
        FleetView.Snapshot state = view.snapshot();
        Family score = new Family();
        Family rank = new Family();
        Family load = new Family();
        Family fleetScore = new Family();
        Family sliceHosts = new Family();
        Family sliceStale = new Family();
        Family sliceExported = new Family();
        Family sliceRankedAt = new Family();
        Family sliceAge = new Family();
        Family sliceEmit = new Family();
        long newest = 0;
        for (SliceRanking ranking : state.rankings()) {
            Slice slice = ranking.slice();
            Labels sliceLabels =
                    Labels.of(SLICE_LABELS, new String[] {text(slice.cluster()), text(slice.datacenter())});
            if (!sliceHosts.add(sliceLabels, ranking.hosts().size())) {
                continue; // two slices the labels cannot tell apart (a cluster named "" and none): the first
            }
            int exported = Math.min(top, ranking.hosts().size());
            sliceStale.add(sliceLabels, ranking.stale().size());
            sliceExported.add(sliceLabels, exported);
            sliceRankedAt.add(sliceLabels, Unit.millisToSeconds(ranking.rankedAtMillis()));
            sliceAge.add(sliceLabels, ageSeconds(state.nowMillis(), ranking.rankedAtMillis()));
            sliceEmit.add(sliceLabels, ranking.emitSecs());
            newest = Math.max(newest, ranking.rankedAtMillis());
            for (SliceHost host : ranking.hosts().subList(0, exported)) {
                Labels labels = Labels.of(
                        HOST_LABELS,
                        new String[] {text(slice.cluster()), text(slice.datacenter()), text(host.rack()), host.host()});
                score.add(labels, host.score());
                rank.add(labels, host.rank());
                load.add(labels, host.load());
                if (!Double.isNaN(host.fleetScore())) { // a record that does not say
                    fleetScore.add(labels, host.fleetScore());
                }
            }
        }
        Family alerts = new Family();
        for (AlertRecord alert : state.activeAlerts()) {
            alerts.add(
                    Labels.of(ALERT_LABELS, new String[] {
                        text(alert.rule()),
                        text(alert.when()),
                        text(alert.subject()),
                        text(alert.host()),
                        text(alert.datacenter()),
                        Boolean.FALSE.equals(alert.holding()) ? "clearing" : "firing"
                    }),
                    1);
        }
        List<MetricSnapshot> families = new ArrayList<>();
        families.add(score.gauge(
                "loadrank_host_score",
                "score of the host within its slice (one datacenter of one cluster): its share of the"
                        + " slice's load, 0-100, a slice's scores add up to 100"));
        families.add(rank.gauge("loadrank_host_rank", "place of the host within its slice, 1 the hottest"));
        families.add(load.gauge(
                "loadrank_host_load",
                "score of the host relative to its slice's mean score: 1 is average, 1.5 what the balancer"
                        + " calls hot by default"));
        families.add(fleetScore.gauge(
                "loadrank_host_fleet_score", "score of the host among every ranked host of the fleet, 0-100"));
        families.add(sliceHosts.gauge("loadrank_slice_hosts", "hosts ranked in the slice"));
        families.add(sliceStale.gauge("loadrank_slice_stale_hosts", "hosts of the slice listed as stale"));
        families.add(sliceExported.gauge(
                "loadrank_slice_exported_hosts", "hosts of the slice with series here, the hottest (--metrics-top)"));
        families.add(sliceRankedAt.gauge(
                "loadrank_slice_ranked_timestamp_seconds", "when the slice's newest ranking was made, Unix time"));
        families.add(sliceAge.gauge(
                "loadrank_slice_ranking_age_seconds", "age of the slice's newest ranking at the scrape"));
        families.add(sliceEmit.gauge(
                "loadrank_slice_emit_interval_seconds",
                "the topology's emit interval as the slice's ranking states it: a ranking is due this often"));
        families.add(Family.single(
                "loadrank_ranking_age_seconds",
                "age of the newest ranking of any slice at the scrape; absent before the first",
                newest == 0 ? null : ageSeconds(state.nowMillis(), newest)));
        families.add(Family.single(
                "loadrank_slices",
                "slices the view holds a ranking of",
                state.rankings().size()));
        families.add(alerts.gauge(
                "loadrank_alert_active",
                "1 for every active alert of the topology's rules: firing, or clearing (its condition"
                        + " false for less than its clear time)"));
        families.add(counter(
                "loadrank_view_rankings",
                "slice rankings the view took in from the rankings topic",
                state.rankingsTaken()));
        families.add(counter(
                "loadrank_view_skipped_ranking_records",
                "records of the rankings topic the view could not read and skipped",
                state.badRankings()));
        families.add(counter(
                "loadrank_view_alert_events", "events the view took in from the alerts topic", state.alertEvents()));
        families.add(counter(
                "loadrank_view_skipped_alert_records",
                "records of the alerts topic the view could not read and skipped",
                state.badAlerts()));
        families.removeIf(family -> family == null);
        return new MetricSnapshots(families);
    }

    private static double ageSeconds(long nowMillis, long thenMillis) {
        return Math.max(0, Unit.millisToSeconds(nowMillis - thenMillis));
    }

    /** A label value: Prometheus treats an empty value as the label being absent. */
    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static CounterSnapshot counter(String name, String help, long value) {
        return CounterSnapshot.builder()
                .name(name)
                .help(help)
                .dataPoint(CounterDataPointSnapshot.builder().value(value).build())
                .build();
    }

    /** The data points of one gauge; a label set already taken is refused (the library requires unique ones). */
    private static final class Family {
        private final List<GaugeDataPointSnapshot> points = new ArrayList<>();
        private final Set<Labels> seen = new HashSet<>();

        boolean add(Labels labels, double value) {
            if (!seen.add(labels)) {
                return false;
            }
            points.add(
                    GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
            return true;
        }

        GaugeSnapshot gauge(String name, String help) {
            GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
            if (name.endsWith("_seconds")) {
                builder.unit(Unit.SECONDS);
            }
            points.forEach(builder::dataPoint);
            return builder.build();
        }

        /** A gauge of one series without labels; null (left out) when there is no value. */
        static GaugeSnapshot single(String name, String help, Number value) {
            if (value == null) {
                return null;
            }
            Family family = new Family();
            family.add(Labels.EMPTY, value.doubleValue());
            return family.gauge(name, help);
        }
    }
}
