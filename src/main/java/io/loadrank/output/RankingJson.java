package io.loadrank.output;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.hostinfo.HostInfoMalformedReason;
import io.loadrank.hosts.HostInfoStats;
import io.loadrank.message.MalformedReason;
import io.loadrank.output.JsonText.Name;
import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.HostLastSeen;
import io.loadrank.scoring.HostScore;
import io.loadrank.scoring.SliceScores;
import io.loadrank.slice.Decimals;
import io.loadrank.slice.Slice;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON files and messages of docs/OUTPUT.md: full precision, sample counts, window length,
 * per-topic shares, incomplete and stale flags, the time of the ranking.
 *
 * <p>Every host of the global ranking carries {@code cluster}, {@code datacenter}, {@code rack},
 * {@code hostId}, {@code address}, {@code dcRank} and {@code dcScore}, its place and score within
 * its slice (null when the host has no host info), and {@code load}, its score within its slice
 * relative to the slice's mean; {@code datacenters} lists the ranked slices and {@code hostInfo}
 * counts the host-info records, malformed ones by reason (docs/DATACENTERS.md). The slices' own
 * files and records are {@link io.loadrank.slice.SliceRecordFormat}'s.
 *
 * <p>Every time is written twice: as ISO-8601 text for people ({@code rankedAt}, {@code lastSeen})
 * and as epoch milliseconds for programs ({@code rankedAtMillis}, {@code lastSeenMillis}).
 * {@code windowAtMillis} (per topic) and {@code windowsAtMillis} (global, the oldest of the topics)
 * say when the rolling bolts took the window snapshots a ranking is made of, so a reader can tell
 * how old the data behind a file is, and how long an emit took from snapshot to file.
 *
 * <p>Written token by token with {@link JsonText} rather than object mapping, because a ranking of
 * 100,000 hosts is written every emit and should not first be copied into a tree; for the same
 * reason {@link JsonText} writes times and numbers straight into its block (all measured in
 * docs/BENCHMARKS.md).
 */
public final class RankingJson {

    // the names of the entries written per host (docs/OUTPUT.md), made once
    private static final Name STALE = Name.of("stale");
    private static final Name CLUSTER = Name.of("cluster");
    private static final Name DATACENTER = Name.of("datacenter");

    /** The members of a host of GlobalRankings.json, in the order written (docs/OUTPUT.md). */
    public static final List<String> HOST_FIELDS = List.of(
            "host",
            "rank",
            "score",
            "load",
            "incomplete",
            "lastSeenMillis",
            "slice",
            "dcRank",
            "dcScore",
            "rack",
            "hostId",
            "address",
            "shares",
            "averages",
            "samples");
    /** The members of a stale host of GlobalRankings.json. */
    public static final List<String> STALE_FIELDS =
            List.of("host", "lastSeenMillis", "slice", "rack", "hostId", "address");
    /** Scores, shares and loads: 4 significant digits tell any two hosts of a slice apart that matter. */
    private static final int SCORE_DIGITS = 4;
    /** Window averages: 6 significant digits. */
    private static final int AVERAGE_DIGITS = 6;

    private RankingJson() {}

    /** The global ranking as one JSON document. */
    public static String global(GlobalRanking ranking) {
        StringWriter out = new StringWriter(256 + ranking.ranked().size() * 320);
        writeGlobal(ranking, out);
        return out.toString();
    }

    /**
     * GlobalRankings.json: every host once, with every name that repeats per host written once
     * (docs/OUTPUT.md). Each host is an array of the members {@link #HOST_FIELDS} names, in rank order;
     * each stale host one of {@link #STALE_FIELDS}; a host's slice is its index into {@code slices},
     * so cluster and datacenter names are not repeated per host either.
     */
    public static void writeGlobal(GlobalRanking ranking, Writer out) {
        try {
            JsonText json = new JsonText(out);
            List<String> topics = ranking.topics();
            json.beginObject();
            writeTime(json, ranking.rankedAtMillis());
            json.name("windowsAtMillis").value(ranking.windowsAtMillis());
            json.name("topics").beginArray();
            for (int t = 0; t < topics.size(); t++) {
                json.beginObject().name("topic").value(topics.get(t));
                json.name("weight").value(ranking.weights()[t]);
                json.name("windowSeconds").value(ranking.coveredMillis()[t] / 1000.0);
                if (ranking.messages() != null) {
                    json.name("messages").value(ranking.messages()[t]);
                }
                json.endObject();
            }
            json.endArray();
            json.name("topicsWithoutMessages").beginArray();
            for (String topic : ranking.topicsWithoutMessages()) {
                json.value(topic);
            }
            json.endArray();
            Map<Slice, Integer> sliceIndex = new HashMap<>();
            json.name("slices").beginArray();
            for (SliceScores each : ranking.slices()) {
                sliceIndex.put(each.slice(), sliceIndex.size());
                json.beginObject()
                        .name(CLUSTER)
                        .value(each.slice().cluster())
                        .name(DATACENTER)
                        .value(each.slice().datacenter())
                        .name("hosts")
                        .value(each.ranked().size())
                        .name(STALE)
                        .value(each.stale().size())
                        .endObject();
            }
            json.endArray();
            fields(json, "hostFields", HOST_FIELDS);
            json.name("hosts").beginArray();
            int rank = 1;
            for (HostScore host : ranking.ranked()) {
                json.beginArray().value(host.host()).value(rank++);
                json.number(Decimals.significant(host.score(), SCORE_DIGITS));
                numberOrNull(json, host.load(), SCORE_DIGITS);
                json.value(host.incomplete()).value(host.lastSeenMillis());
                json.value(slice(host.info(), sliceIndex));
                json.value(host.dcRank());
                numberOrNull(json, host.dcScore(), SCORE_DIGITS);
                writeHostInfo(json, host.info());
                json.beginArray();
                for (double share : host.shares()) {
                    json.number(Decimals.significant(share, SCORE_DIGITS));
                }
                json.endArray().beginArray();
                for (double average : host.averages()) {
                    numberOrNull(json, average, AVERAGE_DIGITS);
                }
                json.endArray().beginArray();
                for (int t = 0; t < topics.size(); t++) {
                    json.value(host.samples() == null ? 0 : host.samples()[t]);
                }
                json.endArray().endArray();
            }
            json.endArray();
            fields(json, "staleFields", STALE_FIELDS);
            json.name(STALE).beginArray();
            for (HostLastSeen host : ranking.stale()) {
                json.beginArray().value(host.host()).value(host.lastSeenMillis());
                json.value(slice(host.info(), sliceIndex));
                writeHostInfo(json, host.info());
                json.endArray();
            }
            json.endArray();
            if (ranking.hostInfo() != null) {
                writeHostInfoStats(json, ranking.hostInfo());
            }
            json.endObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long slice(HostInfo info, Map<Slice, Integer> sliceIndex) {
        Integer index = sliceIndex.get(info == null ? Slice.UNPLACED : new Slice(info.cluster(), info.datacenter()));
        return index == null ? -1 : index;
    }

    private static void numberOrNull(JsonText json, double value, int digits) throws IOException {
        if (Double.isNaN(value)) {
            json.nullValue();
        } else {
            json.number(Decimals.significant(value, digits));
        }
    }

    private static void fields(JsonText json, String member, List<String> fields) throws IOException {
        json.name(member).beginArray();
        for (String field : fields) {
            json.value(field);
        }
        json.endArray();
    }

    /** The rack, host id and address of a host, each null when unknown. */
    private static void writeHostInfo(JsonText json, HostInfo info) throws IOException {
        if (info == null) {
            json.nullValue().nullValue().nullValue();
        } else {
            json.value(info.rack()).value(info.hostId()).value(info.address());
        }
    }

    private static void writeHostInfoStats(JsonText json, HostInfoStats stats) throws IOException {
        json.name("hostInfo")
                .beginObject()
                .name("topic")
                .value(stats.topic())
                .name("accepted")
                .value(stats.accepted())
                .name("deleted")
                .value(stats.deleted())
                .name("hosts")
                .value(stats.hosts())
                .name("malformedTotal")
                .value(stats.malformedTotal());
        json.name("malformed").beginObject();
        for (Map.Entry<HostInfoMalformedReason, Long> entry : stats.malformed().entrySet()) {
            json.name(entry.getKey().label()).value(entry.getValue());
        }
        json.endObject();
        json.endObject();
    }

    public static String topic(TopicRanking ranking, long windowMillis) {
        StringWriter out = new StringWriter(512);
        writeTopic(ranking, windowMillis, out);
        return out.toString();
    }

    /**
     * {@code <topic>.json}: what the fleet file lacks of one topic, its window and what its parsers and
     * window took and refused. No row per host: every host's average and sample count of the topic are
     * in GlobalRankings.json, and writing them again per topic was a third of an emit's bytes
     * (docs/BENCHMARKS.md).
     *
     * @param windowMillis the configured window length, written beside the covered length so a
     *                     reader can tell a young window from a full one
     */
    public static void writeTopic(TopicRanking ranking, long windowMillis, Writer out) {
        try {
            JsonText json = new JsonText(out);
            json.beginObject();
            json.name("topic").value(ranking.topic());
            writeTime(json, ranking.rankedAtMillis());
            json.name("windowAtMillis").value(ranking.windowAtMillis());
            json.name("windowSeconds").value(ranking.coveredMillis() / 1000.0);
            json.name("configuredWindowSeconds").value(windowMillis / 1000.0);
            json.name("rankedHosts").value(ranking.ranked().size());
            writeStats(json, ranking.stats());
            json.endObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeStats(JsonText json, IngestStats stats) throws IOException {
        json.name("ingest")
                .beginObject()
                .name("accepted")
                .value(stats.window().accepted())
                .name("duplicates")
                .value(stats.window().duplicates())
                .name("late")
                .value(stats.window().late())
                .name("early")
                .value(stats.window().early())
                .name("malformedTotal")
                .value(stats.malformedTotal());
        json.name("malformed").beginObject();
        for (Map.Entry<MalformedReason, Long> entry : stats.malformed().entrySet()) {
            json.name(entry.getKey().label()).value(entry.getValue());
        }
        json.endObject();
        json.endObject();
    }

    private static void writeTime(JsonText json, long epochMillis) throws IOException {
        json.name("rankedAt").instant(epochMillis);
        json.name("rankedAtMillis").value(epochMillis);
    }
}
