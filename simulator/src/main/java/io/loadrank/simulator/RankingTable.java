package io.loadrank.simulator;

import io.loadrank.metric.Metric;
import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankedHost;
import io.loadrank.rankingfile.StaleHost;
import io.loadrank.rankingfile.TopicWeight;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The global ranking (GlobalRankings.json, docs/OUTPUT.md) as a compact text table for a terminal
 * of 80 columns: rank, host, score, the simulator's profile of the host when known, the window
 * averages of every topic, then the STALE hosts; or the same per datacenter, with the ranks and
 * scores within it (docs/DATACENTERS.md). Pure: the file's records in, lines out.
 */
final class RankingTable {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int VALUE_WIDTH = 8;

    private RankingTable() {}

    /** The time of the ranking in epoch milliseconds, from the millis or else the ISO time; -1 if it has neither. */
    static long rankedAtMillis(GlobalRankingFile ranking) {
        return ranking.rankedAtMillis() > 0 ? ranking.rankedAtMillis() : parseInstant(ranking.rankedAt());
    }

    /**
     * @param profiles host name to the simulator's profile name; empty to leave the column out
     * @param top      at most this many ranked hosts are listed
     */
    static List<String> render(GlobalRankingFile ranking, long nowMillis, Map<String, String> profiles, int top) {
        List<String> lines = new ArrayList<>();
        lines.add(summary(ranking, ranking.hosts(), ranking.stale(), nowMillis));
        lines.add("");
        appendTable(lines, ranking.topics(), ranking.hosts(), profiles, top, false);
        appendStale(lines, ranking.stale(), nowMillis, profiles);
        return lines;
    }

    /**
     * The ranking of every datacenter on its own (docs/DATACENTERS.md), datacenters by name, each
     * with its hosts in the order of their rank within it ({@code dcRank}, {@code dcScore}); then
     * the hosts without host info (ranked fleet-wide only), then the stale hosts.
     *
     * @param top at most this many hosts per datacenter
     */
    static List<String> renderByDatacenter(
            GlobalRankingFile ranking, long nowMillis, Map<String, String> profiles, int top) {
        Map<String, List<RankedHost>> byDatacenter = new TreeMap<>();
        List<RankedHost> without = new ArrayList<>();
        for (RankedHost host : ranking.hosts()) {
            if (host.datacenter() != null) {
                byDatacenter
                        .computeIfAbsent(host.datacenter(), name -> new ArrayList<>())
                        .add(host);
            } else {
                without.add(host);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(summary(ranking, ranking.hosts(), ranking.stale(), nowMillis));
        lines.add(byDatacenter.size() + " datacenters, each ranked on its own: rank and score within the datacenter");
        for (Map.Entry<String, List<RankedHost>> datacenter : byDatacenter.entrySet()) {
            List<RankedHost> ranked = new ArrayList<>(datacenter.getValue());
            ranked.sort(BY_DATACENTER_RANK);
            long staleHere = ranking.stale().stream()
                    .filter(host -> datacenter.getKey().equals(host.datacenter()))
                    .count();
            lines.add("");
            lines.add(String.format(
                    Locale.ROOT,
                    "datacenter %s · %d hosts ranked · %d stale",
                    datacenter.getKey(),
                    ranked.size(),
                    staleHere));
            appendTable(lines, ranking.topics(), ranked, profiles, top, true);
        }
        if (!without.isEmpty()) {
            lines.add("");
            lines.add(String.format(Locale.ROOT, "no host info · %d hosts ranked fleet-wide only", without.size()));
            appendTable(lines, ranking.topics(), without, profiles, top, false);
        }
        appendStale(lines, ranking.stale(), nowMillis, profiles);
        return lines;
    }

    /** The ranking of one datacenter only, its stale hosts included (the view's --datacenter NAME). */
    static List<String> renderDatacenter(
            GlobalRankingFile ranking, String datacenter, long nowMillis, Map<String, String> profiles, int top) {
        List<RankedHost> hosts = new ArrayList<>();
        for (RankedHost host : ranking.hosts()) {
            if (datacenter.equals(host.datacenter())) {
                hosts.add(host);
            }
        }
        hosts.sort(BY_DATACENTER_RANK);
        List<StaleHost> stale = new ArrayList<>();
        for (StaleHost host : ranking.stale()) {
            if (datacenter.equals(host.datacenter())) {
                stale.add(host);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(summary(ranking, hosts, stale, nowMillis));
        lines.add("datacenter " + datacenter + ": rank and score within the datacenter");
        appendTable(lines, ranking.topics(), hosts, profiles, top, true);
        appendStale(lines, stale, nowMillis, profiles);
        return lines;
    }

    private static final Comparator<RankedHost> BY_DATACENTER_RANK =
            Comparator.comparingInt(host -> host.dcRank() == null ? Integer.MAX_VALUE : host.dcRank());

    /** The first line: when ranked, how long ago, the window, how many hosts are ranked and stale. */
    private static String summary(
            GlobalRankingFile ranking, List<RankedHost> hosts, List<StaleHost> stale, long nowMillis) {
        long rankedAt = rankedAtMillis(ranking);
        double minWindow = Double.MAX_VALUE;
        double maxWindow = 0;
        for (TopicWeight topic : ranking.topics()) {
            minWindow = Math.min(minWindow, topic.windowSeconds());
            maxWindow = Math.max(maxWindow, topic.windowSeconds());
        }
        String window = maxWindow == 0
                ? "?"
                : Math.round(minWindow) == Math.round(maxWindow)
                        ? Math.round(maxWindow) + " s"
                        : Math.round(minWindow) + "-" + Math.round(maxWindow) + " s";
        return String.format(
                Locale.ROOT,
                "ranked %s (%s ago) · window %s · %d hosts ranked · %d stale",
                rankedAt < 0 ? "?" : CLOCK.format(Instant.ofEpochMilli(rankedAt)),
                ago(nowMillis, rankedAt),
                window,
                hosts.size(),
                stale.size());
    }

    /**
     * The column header and one row per host: rank, host, score, the profile when known, the
     * window average of every topic. With {@code withinDatacenter} the rank and score are the
     * host's within its datacenter.
     */
    private static void appendTable(
            List<String> lines,
            List<TopicWeight> topics,
            List<RankedHost> hosts,
            Map<String, String> profiles,
            int top,
            boolean withinDatacenter) {
        boolean withProfile = !profiles.isEmpty();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%3s %-19s %6s", "#", "host", "score"));
        if (withProfile) {
            header.append(String.format(Locale.ROOT, " %-6s", "kind"));
        }
        for (TopicWeight topic : topics) {
            header.append(String.format(Locale.ROOT, "%" + width(topic.topic()) + "s", label(topic.topic())));
        }
        lines.add(header.toString());

        boolean anyIncomplete = false;
        int shown = 0;
        for (RankedHost host : hosts) {
            if (shown++ >= top) {
                lines.add(String.format(Locale.ROOT, "    ... and %d more hosts", hosts.size() - top));
                break;
            }
            anyIncomplete |= host.incomplete();
            Object rank = withinDatacenter ? (host.dcRank() == null ? "?" : host.dcRank()) : host.rank();
            double score = withinDatacenter ? (host.dcScore() == null ? Double.NaN : host.dcScore()) : host.score();
            StringBuilder row = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%3s %-19s %5.1f%s",
                    rank,
                    fit(host.host(), 19),
                    score,
                    host.incomplete() ? "*" : " "));
            if (withProfile) {
                row.append(String.format(Locale.ROOT, " %-6s", profiles.getOrDefault(host.host(), "")));
            }
            for (TopicWeight topic : topics) {
                Double average = host.averages().get(topic.topic());
                row.append(String.format(
                        Locale.ROOT,
                        "%" + width(topic.topic()) + "s",
                        average == null ? "-" : format(average, decimals(topic.topic()))));
            }
            lines.add(row.toString());
        }
        if (hosts.isEmpty()) {
            lines.add("    (no host with samples in the window yet)");
        }
        if (anyIncomplete) {
            lines.add("    * incomplete: no value for some topic, which counts as share 0");
        }
    }

    private static void appendStale(
            List<String> lines, List<StaleHost> stale, long nowMillis, Map<String, String> profiles) {
        boolean withProfile = !profiles.isEmpty();
        lines.add("");
        if (stale.isEmpty()) {
            lines.add("STALE: none");
        } else {
            lines.add("STALE (no sample lately; left out of the shares):");
            for (StaleHost host : stale) {
                long lastSeen = host.lastSeenMillis() > 0 ? host.lastSeenMillis() : parseInstant(host.lastSeen());
                String name = host.host();
                lines.add(String.format(
                        Locale.ROOT,
                        "    %-19s last seen %s (%s ago)%s%s",
                        fit(name, 19),
                        lastSeen < 0 ? "?" : CLOCK.format(Instant.ofEpochMilli(lastSeen)),
                        ago(nowMillis, lastSeen),
                        host.datacenter() != null ? " in " + host.datacenter() : "",
                        withProfile && profiles.containsKey(name) ? "  [" + profiles.get(name) + "]" : ""));
            }
        }
    }

    /** The metric's short label for a default topic ({@link Metric#shortLabel}), the topic name otherwise. */
    static String label(String topic) {
        return fit(Metric.byDefaultTopic(topic).map(Metric::shortLabel).orElse(topic), width(topic) - 1);
    }

    /** Microseconds get one more column: "write us" and five-digit values. */
    private static int width(String topic) {
        boolean micros = Metric.byDefaultTopic(topic)
                .map(metric -> metric.unit().equals("microseconds"))
                .orElse(false);
        return micros ? VALUE_WIDTH + 1 : VALUE_WIDTH;
    }

    private static int decimals(String topic) {
        return Metric.byDefaultTopic(topic).map(Metric::decimals).orElse(0);
    }

    private static String format(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "?";
        }
        if (decimals == 0 && Math.abs(value) >= 1e7) {
            return String.format(Locale.ROOT, "%.1e", value);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String ago(long nowMillis, long thenMillis) {
        if (thenMillis < 0) {
            return "?";
        }
        long seconds = Math.max(0, (nowMillis - thenMillis) / 1000);
        return seconds + " s";
    }

    private static long parseInstant(String text) {
        if (text == null) {
            return -1;
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }
}
