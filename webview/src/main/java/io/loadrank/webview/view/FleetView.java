package io.loadrank.webview.view;

import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankedHost;
import io.loadrank.rankingfile.StaleHost;
import io.loadrank.webview.alerts.ActiveAlerts;
import io.loadrank.webview.history.FleetHistory;
import io.loadrank.webview.record.AlertRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Everything the page shows, kept up to date from the rankings and alerts topics: the newest
 * ranking (grouped by datacenter), the history of the last minutes, and the alerts. Thread-safe:
 * the Kafka follower writes, the HTTP threads read, under one lock; a read walks only the rows it
 * returns (plus one pass over each datacenter's hosts for the search), so it stays quick at 10,000
 * hosts.
 */
public final class FleetView {

    /** Points of the sparkline next to each host. */
    public static final int SPARK_POINTS = 60;
    /** Stale hosts listed per datacenter, at most (the count says how many there are). */
    public static final int MAX_STALE_ROWS = 100;

    private final String title;
    private final FleetHistory history;
    private final long historyMinutes;
    private final ActiveAlerts alerts = new ActiveAlerts(10);
    private final LongSupplier clock;

    private GlobalRankingFile latest;
    private Grouping grouping;
    private long sequence;
    private long rankings;
    private long alertEvents;
    private long badRankings;
    private long badHosts;
    private long badAlerts;

    public FleetView(String title, long historyMinutes, int maxPoints, LongSupplier clock) {
        this.title = title;
        this.historyMinutes = historyMinutes;
        this.history = new FleetHistory(historyMinutes * 60_000L, maxPoints);
        this.clock = clock;
    }

    /** Takes in one ranking; one older than the newest only fills the history's gaps it can. */
    public synchronized void ranking(GlobalRankingFile record) {
        rankings++;
        if (history.begin(record.rankedAtMillis())) {
            // the record's order (the configuration's), not the order in which averages first came:
            // a host ranked before one of its topics has a value would put that topic last
            record.topics().forEach(topic -> history.topic(topic.topic()));
            for (RankedHost host : record.hosts()) {
                history.put(host.host(), host.score(), host.averages());
            }
        }
        if (latest == null || record.rankedAtMillis() >= latest.rankedAtMillis()) {
            latest = record;
            grouping = new Grouping(record);
        }
        sequence++;
    }

    public synchronized void alert(AlertRecord event) {
        alertEvents++;
        alerts.apply(event);
        sequence++;
    }

    /** The parser's counts of what it skipped. */
    public synchronized void skipped(long badRankings, long badHosts, long badAlerts) {
        this.badRankings = badRankings;
        this.badHosts = badHosts;
        this.badAlerts = badAlerts;
    }

    public synchronized long sequence() {
        return sequence;
    }

    public synchronized long rankedAtMillis() {
        return latest == null ? 0 : latest.rankedAtMillis();
    }

    public synchronized ViewModel view(Query query) {
        List<AlertRecord> active = alerts.active();
        Set<String> alerting = new HashSet<>();
        Map<String, Integer> alertsByGroup = new java.util.HashMap<>();
        for (AlertRecord alert : active) {
            boolean topChange = "dcTopChanged".equals(alert.when());
            if (alert.host() != null && !topChange) {
                alerting.add(alert.host());
            }
            // counted under a datacenter when it concerns one; a topic's alert concerns the fleet
            String group = topChange && alert.subject() != null
                    ? alert.subject()
                    : alert.host() == null ? null : Grouping.group(alert.datacenter());
            if (group != null) {
                alertsByGroup.merge(group, 1, Integer::sum);
            }
        }
        List<ViewModel.Datacenter> datacenters = new ArrayList<>();
        int hosts = 0;
        int stale = 0;
        List<String> topics = new ArrayList<>();
        if (latest != null) {
            latest.topics().forEach(topic -> topics.add(topic.topic()));
            for (String name : grouping.names()) {
                List<RankedHost> ranked = grouping.ranked(name);
                List<ViewModel.Row> rows = new ArrayList<>();
                int matching = 0;
                for (RankedHost host : ranked) {
                    if (!query.matches(host.host())) {
                        continue;
                    }
                    matching++;
                    if (rows.size() < query.top()) {
                        rows.add(row(host, alerting.contains(host.host())));
                    }
                }
                List<StaleHost> staleHosts = grouping.stale(name);
                List<ViewModel.StaleRow> staleRows = new ArrayList<>();
                for (StaleHost host : staleHosts) {
                    if (staleRows.size() >= MAX_STALE_ROWS) {
                        break;
                    }
                    staleRows.add(new ViewModel.StaleRow(
                            host.host(), host.lastSeenMillis(), host.rack(), alerting.contains(host.host())));
                }
                hosts += ranked.size();
                stale += staleHosts.size();
                datacenters.add(new ViewModel.Datacenter(
                        name,
                        ranked.size(),
                        matching,
                        rows,
                        staleHosts.size(),
                        staleRows,
                        alertsByGroup.getOrDefault(name, 0)));
            }
        }
        ViewModel.Stats stats = new ViewModel.Stats(
                rankings, badRankings, badHosts, alertEvents, badAlerts, history.hostCount(), historyMinutes);
        return new ViewModel(
                title,
                rankedAtMillis(),
                clock.getAsLong(),
                sequence,
                topics,
                hosts,
                stale,
                query.search(),
                query.top(),
                datacenters,
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
        Map<String, List<Double>> averages = new java.util.LinkedHashMap<>();
        kept.averages().forEach((topic, values) -> averages.put(topic, doubles(values)));
        List<Long> times = new ArrayList<>(kept.times().length);
        for (long time : kept.times()) {
            times.add(time);
        }
        return new HostChart(host, times, doubles(kept.scores()), averages);
    }

    /** A host's history as {@code /api/host} sends it: per point the time, the score and each topic's average. */
    public record HostChart(String host, List<Long> times, List<Double> scores, Map<String, List<Double>> averages) {}

    private ViewModel.Row row(RankedHost host, boolean alerting) {
        return new ViewModel.Row(
                host.rank(),
                host.dcRank(),
                host.host(),
                host.score(),
                host.dcScore(),
                host.incomplete(),
                host.rack(),
                host.averages(),
                doubles(history.recentScores(host.host(), SPARK_POINTS)),
                alerting);
    }

    private static List<Double> doubles(float[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (float value : values) {
            list.add(Float.isNaN(value) ? null : (double) value);
        }
        return list;
    }
}
