package io.loadrank.simulator;

import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankedHost;
import io.loadrank.rankingfile.StaleHost;
import io.loadrank.rankingfile.TopicWeight;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The global ranking (GlobalRankings.json, docs/OUTPUT.md) as a compact text table for a terminal
 * of 80 columns: rank, host, score, the simulator's profile of the host when known, the window
 * averages of every topic, then the STALE hosts. Pure: the file's records in, lines out.
 */
final class RankingTable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int VALUE_WIDTH = 8;

    private RankingTable() {
    }

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
        List<TopicWeight> topics = ranking.topics();
        List<RankedHost> hosts = ranking.hosts();
        List<StaleHost> stale = ranking.stale();
        long rankedAt = rankedAtMillis(ranking);

        double minWindow = Double.MAX_VALUE;
        double maxWindow = 0;
        for (TopicWeight topic : topics) {
            minWindow = Math.min(minWindow, topic.windowSeconds());
            maxWindow = Math.max(maxWindow, topic.windowSeconds());
        }
        String window = maxWindow == 0 ? "?" : Math.round(minWindow) == Math.round(maxWindow)
                ? Math.round(maxWindow) + " s" : Math.round(minWindow) + "-" + Math.round(maxWindow) + " s";
        lines.add(String.format(Locale.ROOT, "ranked %s (%s ago) · window %s · %d hosts ranked · %d stale",
                rankedAt < 0 ? "?" : CLOCK.format(Instant.ofEpochMilli(rankedAt)), ago(nowMillis, rankedAt), window,
                hosts.size(), stale.size()));
        lines.add("");

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
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%3s %-19s %5.1f%s",
                    host.rank(), fit(host.host(), 19), host.score(), host.incomplete() ? "*" : " "));
            if (withProfile) {
                row.append(String.format(Locale.ROOT, " %-6s", profiles.getOrDefault(host.host(), "")));
            }
            for (TopicWeight topic : topics) {
                Double average = host.averages().get(topic.topic());
                row.append(String.format(Locale.ROOT, "%" + width(topic.topic()) + "s",
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
        lines.add("");
        if (stale.isEmpty()) {
            lines.add("STALE: none");
        } else {
            lines.add("STALE (no sample lately; left out of the shares):");
            for (StaleHost host : stale) {
                long lastSeen = host.lastSeenMillis() > 0 ? host.lastSeenMillis() : parseInstant(host.lastSeen());
                String name = host.host();
                lines.add(String.format(Locale.ROOT, "    %-19s last seen %s (%s ago)%s", fit(name, 19),
                        lastSeen < 0 ? "?" : CLOCK.format(Instant.ofEpochMilli(lastSeen)), ago(nowMillis, lastSeen),
                        withProfile && profiles.containsKey(name) ? "  [" + profiles.get(name) + "]" : ""));
            }
        }
        return lines;
    }

    /** A short column label for the default topics, the topic name itself otherwise. */
    static String label(String topic) {
        String label = switch (topic) {
            case "cpuLoad" -> "cpu %";
            case "memLoad" -> "mem %";
            case "pendingTasks" -> "pending";
            case "readLatency" -> "read us";
            case "writeLatency" -> "write us";
            default -> topic;
        };
        return fit(label, width(topic) - 1);
    }

    /** Latencies get one more column: "write us" and five-digit microseconds. */
    private static int width(String topic) {
        return topic.endsWith("Latency") ? VALUE_WIDTH + 1 : VALUE_WIDTH;
    }

    private static int decimals(String topic) {
        return switch (topic) {
            case "cpuLoad", "memLoad" -> 1;
            default -> 0;
        };
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
