package io.loadrank.webview.view;

import io.loadrank.alerts.AlertRecord;
import java.util.List;
import java.util.Map;

/**
 * What the page shows, as the JSON of {@code /api/view} (docs/WEBVIEW.md): per slice (one datacenter
 * of one cluster) the top hosts that match the search, with their score and load within the slice,
 * their fleet-wide rank and score, metric averages and a sparkline of the score, the stale hosts, and
 * the active alerts. Names are data: the page puts them in the document as text only.
 *
 * @param rankedAtMillis the time of the newest slice ranking shown, 0 before the first
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
     * One slice.
     *
     * @param name           how the page names it: the datacenter, {@code cluster/datacenter}, or
     *                       {@code (no host info)} for the hosts without host info
     * @param cluster        its cluster, null when none is named
     * @param datacenter     its datacenter, null for the hosts without host info
     * @param rankedAtMillis the time of its ranking shown
     * @param emitSecs       how often its ranking comes: a ranking older than a few of these is late
     * @param total          ranked hosts in the slice
     * @param matching       of them, those that match the search
     * @param rows           the first {@code top} of the matching ones, in the slice's order
     */
    public record Datacenter(
            String name,
            String cluster,
            String datacenter,
            long rankedAtMillis,
            int emitSecs,
            int total,
            int matching,
            List<Row> rows,
            int staleTotal,
            List<StaleRow> stale,
            int alerts) {}

    /**
     * @param rank       its place within the slice, from 1
     * @param score      its score within the slice (a slice's scores add up to 100)
     * @param load       its score relative to the slice's mean (1.0 = average); null when the record lacks it
     * @param fleetRank  its place in the fleet-wide ranking; null when the record lacks it
     * @param fleetScore its score among all ranked hosts of the fleet; null when the record lacks it
     * @param spark      the last scores within the slice, oldest first, null for a gap
     */
    public record Row(
            int rank,
            String host,
            double score,
            Double load,
            Integer fleetRank,
            Double fleetScore,
            boolean incomplete,
            String rack,
            Map<String, Double> averages,
            List<Double> spark,
            boolean alerting) {}

    public record StaleRow(String host, Long lastSeenMillis, String rack, boolean alerting) {}

    /** What the view took in: slice rankings and alert events, the records it skipped, what it holds. */
    public record Stats(
            long rankings,
            long badRankings,
            long alertEvents,
            long badAlerts,
            int slices,
            int historyHosts,
            long historyMinutes) {}
}
