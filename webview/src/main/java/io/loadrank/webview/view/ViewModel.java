package io.loadrank.webview.view;

import io.loadrank.webview.record.AlertRecord;
import java.util.List;
import java.util.Map;

/**
 * What the page shows, as the JSON of {@code /api/view} (docs/WEBVIEW.md): per datacenter the top
 * hosts that match the search, with score, metric averages and a sparkline of the score, the stale
 * hosts, and the active alerts. Names are data: the page puts them in the document as text only.
 *
 * @param rankedAtMillis the time of the ranking shown, 0 before the first
 * @param sequence       goes up with every ranking and alert the view takes in; the page's
 *                       event stream carries it
 */
public record ViewModel(
        String title,
        long rankedAtMillis,
        long nowMillis,
        long sequence,
        List<String> topics,
        int hosts,
        int staleHosts,
        String search,
        int top,
        List<Datacenter> datacenters,
        List<AlertRecord> alerts,
        List<AlertRecord> resolved,
        Stats stats) {

    /**
     * @param total    ranked hosts in the datacenter
     * @param matching of them, those that match the search
     * @param rows     the first {@code top} of the matching ones, in the datacenter's order
     */
    public record Datacenter(
            String name, int total, int matching, List<Row> rows, int staleTotal, List<StaleRow> stale, int alerts) {}

    /** @param spark the last scores, oldest first, null for a gap */
    public record Row(
            int rank,
            Integer dcRank,
            String host,
            double score,
            Double dcScore,
            boolean incomplete,
            String rack,
            Map<String, Double> averages,
            List<Double> spark,
            boolean alerting) {}

    public record StaleRow(String host, Long lastSeenMillis, String rack, boolean alerting) {}

    /** What the view took in: rankings and alert events, and the bad ones it skipped. */
    public record Stats(
            long rankings,
            long badRankings,
            long badHosts,
            long alertEvents,
            long badAlerts,
            int historyHosts,
            long historyMinutes) {}
}
