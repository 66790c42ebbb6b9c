package io.loadrank.webview.view;

import io.loadrank.alerts.AlertRecord;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceStaleHost;
import io.loadrank.webview.alerts.ActiveAlerts;
import io.loadrank.webview.history.FleetHistory;
import io.loadrank.webview.record.SliceFeed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Everything the page shows, kept up to date from the rankings and alerts topics: the fleet, which is
 * the newest ranking of every slice (a slice is one datacenter of one cluster, ranked on its own and
 * sent as its own record), the history of the last minutes, and the alerts. Thread-safe: the Kafka
 * follower writes, the HTTP threads read, under one lock; a read walks only the rows it returns (plus
 * one pass over each slice's hosts for the search), so it stays quick at 100,000 hosts.
 */
public final class FleetView {

    /** Points of the sparkline next to each host. */
    public static final int SPARK_POINTS = 60;
    /** Stale hosts listed per slice, at most (the count says how many there are). */
    public static final int MAX_STALE_ROWS = 100;

    /** Slices by cluster and datacenter name; the hosts without host info last, as the page lists them. */
    static final Comparator<Slice> GROUP_ORDER =
            Comparator.comparing(Slice::unplaced).thenComparing(Slice.ORDER);

    private final String title;
    private final FleetHistory history;
    private final long historyMinutes;
    private final ActiveAlerts alerts = new ActiveAlerts(10);
    private final LongSupplier clock;

    /** The newest ranking of every slice that has not left: together, the fleet. */
    private final Map<Slice, SliceRanking> slices = new TreeMap<>(GROUP_ORDER);

    private long sequence;
    private long rankings;
    private long alertEvents;
    private long badRankings;
    private long badAlerts;

    public FleetView(String title, long historyMinutes, int maxPoints, LongSupplier clock) {
        this.title = title;
        this.historyMinutes = historyMinutes;
        this.history = new FleetHistory(historyMinutes * 60_000L, maxPoints);
        this.clock = clock;
    }

    /**
     * Takes in the whole ranking of one slice: it replaces the slice's ranking unless that one is newer.
     * The history takes it when it is not older than the newest point (slices of one emit share their
     * ranking time, so they fill one point together).
     */
    public synchronized void slice(SliceRanking ranking) {
        rankings++;
        if (history.begin(ranking.rankedAtMillis())) {
            // the record's order (the configuration's), not the order in which averages first came
            int[] columns = history.columns(ranking.topics());
            for (SliceHost host : ranking.hosts()) {
                history.put(host.host(), host.score(), columns, host.averages());
            }
        }
        SliceRanking shown = slices.get(ranking.slice());
        if (shown == null || ranking.rankedAtMillis() >= shown.rankedAtMillis()) {
            slices.put(ranking.slice(), ranking);
        }
        sequence++;
    }

    /** Takes in what a record of the rankings topic came to. */
    public void take(SliceFeed.Update update) {
        if (update instanceof SliceFeed.Update.Ranked ranked) {
            slice(ranked.ranking());
        } else if (update instanceof SliceFeed.Update.Left left) {
            sliceLeft(left.slice());
        }
    }

    /** The slice left (its tombstone): its hosts leave the fleet; their history stays until it ages out. */
    public synchronized void sliceLeft(Slice slice) {
        if (slices.remove(slice) != null) {
            sequence++;
        }
    }

    public synchronized void alert(AlertRecord event) {
        alertEvents++;
        alerts.apply(event);
        sequence++;
    }

    /** The counts of the records skipped, rankings and alerts. */
    public synchronized void skipped(long badRankings, long badAlerts) {
        this.badRankings = badRankings;
        this.badAlerts = badAlerts;
    }

    public synchronized long sequence() {
        return sequence;
    }

    /** The time of the newest slice ranking, 0 before the first. */
    public synchronized long rankedAtMillis() {
        long newest = 0;
        for (SliceRanking ranking : slices.values()) {
            newest = Math.max(newest, ranking.rankedAtMillis());
        }
        return newest;
    }

    /**
     * What {@code /metrics} exports, taken under the lock in one go: the newest ranking of every slice
     * in display order, the active alerts, the view's own counts and the time of the view's clock.
     * Slice rankings are immutable, so the caller reads them after the lock is released.
     */
    public synchronized Snapshot snapshot() {
        return new Snapshot(
                List.copyOf(slices.values()),
                alerts.active(),
                rankings,
                badRankings,
                alertEvents,
                badAlerts,
                clock.getAsLong());
    }

    /**
     * The state {@link #snapshot} returns.
     *
     * @param rankings      the newest ranking of every slice, in the page's order
     * @param activeAlerts  the active alerts, the one that fired first first
     * @param rankingsTaken slice rankings taken in since the view started
     * @param badRankings   records of the rankings topic skipped as unreadable
     * @param alertEvents   alert events taken in
     * @param badAlerts     records of the alerts topic skipped as unreadable
     * @param nowMillis     the view's clock
     */
    public record Snapshot(
            List<SliceRanking> rankings,
            List<AlertRecord> activeAlerts,
            long rankingsTaken,
            long badRankings,
            long alertEvents,
            long badAlerts,
            long nowMillis) {}

    public synchronized ViewModel view(Query query) {
        List<AlertRecord> active = alerts.active();
        Set<String> alerting = new HashSet<>();
        for (AlertRecord alert : active) {
            if (alert.host() != null && !topChange(alert)) {
                alerting.add(alert.host());
            }
        }
        Set<String> topics = new LinkedHashSet<>();
        List<ViewModel.Datacenter> groups = new ArrayList<>();
        int hosts = 0;
        int stale = 0;
        for (SliceRanking ranking : slices.values()) {
            topics.addAll(ranking.topics());
            List<ViewModel.Row> rows = new ArrayList<>();
            int matching = 0;
            for (SliceHost host : ranking.hosts()) {
                if (!query.matches(host.host())) {
                    continue;
                }
                matching++;
                if (rows.size() < query.top()) {
                    rows.add(row(ranking, host, alerting.contains(host.host())));
                }
            }
            List<ViewModel.StaleRow> staleRows = new ArrayList<>();
            for (SliceStaleHost host : ranking.stale()) {
                if (staleRows.size() >= MAX_STALE_ROWS) {
                    break;
                }
                staleRows.add(new ViewModel.StaleRow(
                        host.host(), host.lastSeenMillis(), host.rack(), alerting.contains(host.host())));
            }
            hosts += ranking.hosts().size();
            stale += ranking.stale().size();
            Slice slice = ranking.slice();
            groups.add(new ViewModel.Datacenter(
                    slice.toString(),
                    slice.cluster(),
                    slice.datacenter(),
                    ranking.rankedAtMillis(),
                    ranking.emitSecs(),
                    ranking.hosts().size(),
                    matching,
                    rows,
                    ranking.stale().size(),
                    staleRows,
                    alertsOf(slice, active)));
        }
        ViewModel.Stats stats = new ViewModel.Stats(
                rankings, badRankings, alertEvents, badAlerts, slices.size(), history.hostCount(), historyMinutes);
        return new ViewModel(
                title,
                rankedAtMillis(),
                clock.getAsLong(),
                sequence,
                List.copyOf(topics),
                hosts,
                stale,
                query.search(),
                query.top(),
                groups,
                active,
                alerts.recentlyResolved(),
                stats);
    }

    /** One host's history for its chart; null when the view knows nothing of it. */
    public synchronized HostChart host(String host) {
        FleetHistory.HostHistory kept = history.of(host);
        if (kept == null) {
            return null;
        }
        Map<String, List<Double>> averages = new LinkedHashMap<>();
        kept.averages().forEach((topic, values) -> averages.put(topic, doubles(values)));
        List<Long> times = new ArrayList<>(kept.times().length);
        for (long time : kept.times()) {
            times.add(time);
        }
        return new HostChart(host, times, doubles(kept.scores()), averages);
    }

    /**
     * A host's history as {@code /api/host} sends it: per point the time, the score within its slice
     * and each topic's average.
     */
    public record HostChart(String host, List<Long> times, List<Double> scores, Map<String, List<Double>> averages) {}

    private static boolean topChange(AlertRecord alert) {
        return "dcTopChanged".equals(alert.when());
    }

    /**
     * The active alerts that concern the slice: a host's alert names the host's datacenter, a change of
     * the top host names the datacenter as its subject; a topic's alert concerns the fleet, no slice.
     */
    private static int alertsOf(Slice slice, List<AlertRecord> active) {
        int count = 0;
        for (AlertRecord alert : active) {
            boolean concerns = topChange(alert)
                    ? alert.subject() != null
                            && (alert.subject().equals(slice.datacenter())
                                    || alert.subject().equals(slice.toString()))
                    : alert.host() != null && Objects.equals(emptyAsNull(alert.datacenter()), slice.datacenter());
            if (concerns) {
                count++;
            }
        }
        return count;
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private ViewModel.Row row(SliceRanking ranking, SliceHost host, boolean alerting) {
        Map<String, Double> averages = new LinkedHashMap<>();
        List<String> topics = ranking.topics();
        for (int t = 0; t < topics.size() && t < host.averages().length; t++) {
            if (!Double.isNaN(host.averages()[t])) {
                averages.put(topics.get(t), host.averages()[t]);
            }
        }
        return new ViewModel.Row(
                host.rank(),
                host.host(),
                host.score(),
                finite(host.load()),
                host.fleetRank() > 0 ? host.fleetRank() : null,
                finite(host.fleetScore()),
                host.incomplete(),
                host.rack(),
                averages,
                doubles(history.recentScores(host.host(), SPARK_POINTS)),
                alerting);
    }

    /** Null for a number the record did not give (NaN): JSON has no NaN. */
    private static Double finite(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    private static List<Double> doubles(float[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (float value : values) {
            list.add(Float.isNaN(value) ? null : (double) value);
        }
        return list;
    }
}
