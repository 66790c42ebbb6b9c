package io.loadrank.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The global ranking (GlobalRankings.json, docs/OUTPUT.md) as a compact text table for a terminal
 * of 80 columns: rank, host, score, the simulator's profile of the host when known, the window
 * averages of every topic, then the STALE hosts; or the same per datacenter, with the ranks and
 * scores within it (docs/DATACENTERS.md). Pure: JSON tree in, lines out.
 */
final class RankingTable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int VALUE_WIDTH = 8;

    private RankingTable() {
    }

    /** The time of the ranking in epoch milliseconds, or -1 if the document has none. */
    static long rankedAtMillis(Map<String, Object> ranking) {
        if (ranking.get("rankedAtMillis") instanceof Double millis) {
            return millis.longValue();
        }
        if (ranking.get("rankedAt") instanceof String text) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (RuntimeException e) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * @param profiles host name to the simulator's profile name; empty to leave the column out
     * @param top      at most this many ranked hosts are listed
     */
    static List<String> render(Map<String, Object> ranking, long nowMillis, Map<String, String> profiles, int top) {
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> topics = objects(ranking.get("topics"));
        List<Map<String, Object>> hosts = objects(ranking.get("hosts"));
        List<Map<String, Object>> stale = objects(ranking.get("stale"));
        lines.add(summary(ranking, topics, hosts, stale, nowMillis));
        lines.add("");

        appendTable(lines, topics, hosts, profiles, top, false);
        appendStale(lines, stale, nowMillis, profiles);
        return lines;
    }

    /** The first line: when ranked, how long ago, the window, how many hosts are ranked and stale. */
    private static String summary(Map<String, Object> ranking, List<Map<String, Object>> topics,
                                  List<Map<String, Object>> hosts, List<Map<String, Object>> stale, long nowMillis) {
        long rankedAt = rankedAtMillis(ranking);

        double minWindow = Double.MAX_VALUE;
        double maxWindow = 0;
        for (Map<String, Object> topic : topics) {
            double window = number(topic.get("windowSeconds"));
            if (!Double.isNaN(window)) {
                minWindow = Math.min(minWindow, window);
                maxWindow = Math.max(maxWindow, window);
            }
        }
        String window = maxWindow == 0 ? "?" : Math.round(minWindow) == Math.round(maxWindow)
                ? Math.round(maxWindow) + " s" : Math.round(minWindow) + "-" + Math.round(maxWindow) + " s";
        return String.format(Locale.ROOT, "ranked %s (%s ago) · window %s · %d hosts ranked · %d stale",
                rankedAt < 0 ? "?" : CLOCK.format(Instant.ofEpochMilli(rankedAt)), ago(nowMillis, rankedAt), window,
                hosts.size(), stale.size());
    }

    /**
     * The ranking of every datacenter on its own (docs/DATACENTERS.md), datacenters by name, each
     * with its hosts in the order of their rank within it ({@code dcRank}, {@code dcScore}); then
     * the hosts without host info (ranked fleet-wide only), then the stale hosts.
     *
     * @param top at most this many hosts per datacenter
     */
    static List<String> renderByDatacenter(Map<String, Object> ranking, long nowMillis, Map<String, String> profiles,
                                           int top) {
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> topics = objects(ranking.get("topics"));
        List<Map<String, Object>> hosts = objects(ranking.get("hosts"));
        List<Map<String, Object>> stale = objects(ranking.get("stale"));
        Map<String, List<Map<String, Object>>> byDatacenter = new TreeMap<>();
        List<Map<String, Object>> without = new ArrayList<>();
        for (Map<String, Object> host : hosts) {
            if (host.get("datacenter") instanceof String datacenter) {
                byDatacenter.computeIfAbsent(datacenter, name -> new ArrayList<>()).add(host);
            } else {
                without.add(host);
            }
        }
        lines.add(summary(ranking, topics, hosts, stale, nowMillis));
        lines.add(byDatacenter.size() + " datacenters, each ranked on its own: rank and score within the datacenter");
        for (Map.Entry<String, List<Map<String, Object>>> datacenter : byDatacenter.entrySet()) {
            List<Map<String, Object>> ranked = new ArrayList<>(datacenter.getValue());
            ranked.sort(Comparator.comparingDouble(host -> number(host.get("dcRank"))));
            long staleHere = stale.stream().filter(host -> datacenter.getKey().equals(host.get("datacenter"))).count();
            lines.add("");
            lines.add(String.format(Locale.ROOT, "datacenter %s · %d hosts ranked · %d stale",
                    datacenter.getKey(), ranked.size(), staleHere));
            appendTable(lines, topics, ranked, profiles, top, true);
        }
        if (!without.isEmpty()) {
            lines.add("");
            lines.add(String.format(Locale.ROOT, "no host info · %d hosts ranked fleet-wide only", without.size()));
            appendTable(lines, topics, without, profiles, top, false);
        }
        appendStale(lines, stale, nowMillis, profiles);
        return lines;
    }

    /** The ranking of one datacenter only, its stale hosts included (the view's --datacenter NAME). */
    static List<String> renderDatacenter(Map<String, Object> ranking, String datacenter, long nowMillis,
                                         Map<String, String> profiles, int top) {
        List<Map<String, Object>> topics = objects(ranking.get("topics"));
        List<Map<String, Object>> hosts = new ArrayList<>();
        for (Map<String, Object> host : objects(ranking.get("hosts"))) {
            if (datacenter.equals(host.get("datacenter"))) {
                hosts.add(host);
            }
        }
        hosts.sort(Comparator.comparingDouble(host -> number(host.get("dcRank"))));
        List<Map<String, Object>> stale = new ArrayList<>();
        for (Map<String, Object> host : objects(ranking.get("stale"))) {
            if (datacenter.equals(host.get("datacenter"))) {
                stale.add(host);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(summary(ranking, topics, hosts, stale, nowMillis));
        lines.add("datacenter " + datacenter + ": rank and score within the datacenter");
        appendTable(lines, topics, hosts, profiles, top, true);
        appendStale(lines, stale, nowMillis, profiles);
        return lines;
    }

    /**
     * The column header and one row per host: rank, host, score, the profile when known, the
     * window average of every topic. With {@code withinDatacenter} the rank and score are the
     * host's within its datacenter.
     */
    private static void appendTable(List<String> lines, List<Map<String, Object>> topics, List<Map<String, Object>> hosts,
                                    Map<String, String> profiles, int top, boolean withinDatacenter) {
        boolean withProfile = !profiles.isEmpty();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%3s %-19s %6s", "#", "host", "score"));
        if (withProfile) {
            header.append(String.format(Locale.ROOT, " %-6s", "kind"));
        }
        for (Map<String, Object> topic : topics) {
            String topicName = String.valueOf(topic.get("topic"));
            header.append(String.format(Locale.ROOT, "%" + width(topicName) + "s", label(topicName)));
        }
        lines.add(header.toString());

        boolean anyIncomplete = false;
        int shown = 0;
        for (Map<String, Object> host : hosts) {
            if (shown++ >= top) {
                lines.add(String.format(Locale.ROOT, "    ... and %d more hosts", hosts.size() - top));
                break;
            }
            String name = String.valueOf(host.get("host"));
            boolean incomplete = Boolean.TRUE.equals(host.get("incomplete"));
            anyIncomplete |= incomplete;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%3s %-19s %5.1f%s",
                    format(number(host.get(withinDatacenter ? "dcRank" : "rank")), 0), fit(name, 19),
                    number(host.get(withinDatacenter ? "dcScore" : "score")), incomplete ? "*" : " "));
            if (withProfile) {
                row.append(String.format(Locale.ROOT, " %-6s", profiles.getOrDefault(name, "")));
            }
            Map<String, Object> averages = object(host.get("averages"));
            for (Map<String, Object> topic : topics) {
                String topicName = String.valueOf(topic.get("topic"));
                double average = number(averages.get(topicName));
                row.append(String.format(Locale.ROOT, "%" + width(topicName) + "s", Double.isNaN(average) ? "-" : format(average, decimals(topicName))));
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

    private static void appendStale(List<String> lines, List<Map<String, Object>> stale, long nowMillis,
                                    Map<String, String> profiles) {
        boolean withProfile = !profiles.isEmpty();
        lines.add("");
        if (stale.isEmpty()) {
            lines.add("STALE: none");
        } else {
            lines.add("STALE (no sample lately; left out of the shares):");
            for (Map<String, Object> host : stale) {
                long lastSeen = host.get("lastSeen") instanceof String text ? parseInstant(text) : -1;
                String name = String.valueOf(host.get("host"));
                lines.add(String.format(Locale.ROOT, "    %-19s last seen %s (%s ago)%s%s", fit(name, 19),
                        lastSeen < 0 ? "?" : CLOCK.format(Instant.ofEpochMilli(lastSeen)), ago(nowMillis, lastSeen),
                        host.get("datacenter") instanceof String datacenter ? " in " + datacenter : "",
                        withProfile && profiles.containsKey(name) ? "  [" + profiles.get(name) + "]" : ""));
            }
        }
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
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }

    private static double number(Object value) {
        return value instanceof Double number ? number : Double.NaN;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    out.add((Map<String, Object>) map);
                }
            }
        }
        return out;
    }
}
