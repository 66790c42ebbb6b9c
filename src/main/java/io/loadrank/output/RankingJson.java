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
import io.loadrank.window.HostAverage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
    private static final Name RANK = Name.of("rank");
    private static final Name HOST = Name.of("host");
    private static final Name SCORE = Name.of("score");
    private static final Name INCOMPLETE = Name.of("incomplete");
    private static final Name STALE = Name.of("stale");
    private static final Name LAST_SEEN = Name.of("lastSeen");
    private static final Name LAST_SEEN_MILLIS = Name.of("lastSeenMillis");
    private static final Name CLUSTER = Name.of("cluster");
    private static final Name DATACENTER = Name.of("datacenter");
    private static final Name LOAD = Name.of("load");
    private static final Name RACK = Name.of("rack");
    private static final Name HOST_ID = Name.of("hostId");
    private static final Name ADDRESS = Name.of("address");
    private static final Name DC_RANK = Name.of("dcRank");
    private static final Name DC_SCORE = Name.of("dcScore");
    private static final Name SHARES = Name.of("shares");
    private static final Name AVERAGES = Name.of("averages");
    private static final Name AVERAGE = Name.of("average");
    private static final Name SAMPLES = Name.of("samples");

    private RankingJson() {}

    /** The global ranking as one JSON document. */
    public static String global(GlobalRanking ranking) {
        StringWriter out = new StringWriter(256 + ranking.ranked().size() * 320);
        writeGlobal(ranking, out);
        return out.toString();
    }

    public static void writeGlobal(GlobalRanking ranking, Writer out) {
        try {
            JsonText json = new JsonText(out);
            List<String> topics = ranking.topics();
            Name[] topicNames = new Name[topics.size()];
            for (int t = 0; t < topicNames.length; t++) {
                topicNames[t] = Name.of(topics.get(t));
            }
            json.beginObject();
            writeTime(json, ranking.rankedAtMillis());
            json.name("windowsAtMillis").value(ranking.windowsAtMillis());
            json.name("topics").beginArray();
            for (int t = 0; t < topics.size(); t++) {
                json.beginObject().name("topic").value(topics.get(t));
                json.name("weight").value(ranking.weights()[t]);
                json.name("windowSeconds").value(ranking.coveredMillis()[t] / 1000.0);
                json.endObject();
            }
            json.endArray();
            json.name("hosts").beginArray();
            int rank = 1;
            for (HostScore host : ranking.ranked()) {
                json.beginObject().name(RANK).value(rank++).name(HOST).value(host.host());
                json.name(SCORE).value(host.score());
                json.name(INCOMPLETE).value(host.incomplete()).name(STALE).value(false);
                writeLastSeen(json, host.lastSeenMillis());
                writeHostInfo(json, host.info());
                if (host.datacenter() == null) {
                    json.name(DC_RANK).nullValue().name(DC_SCORE).nullValue();
                } else {
                    json.name(DC_RANK).value(host.dcRank());
                    json.name(DC_SCORE).value(host.dcScore());
                }
                if (Double.isNaN(host.load())) {
                    json.name(LOAD).nullValue();
                } else {
                    json.name(LOAD).value(host.load());
                }
                double[] shares = host.shares();
                json.name(SHARES).beginObject();
                for (int t = 0; t < topicNames.length; t++) {
                    json.name(topicNames[t]).value(shares[t]);
                }
                json.endObject();
                json.name(AVERAGES).beginObject();
                for (int t = 0; t < topicNames.length; t++) {
                    if (!Double.isNaN(host.averages()[t])) {
                        json.name(topicNames[t]).value(host.averages()[t]);
                    }
                }
                json.endObject();
                json.endObject();
            }
            json.endArray();
            json.name(STALE).beginArray();
            for (HostLastSeen host : ranking.stale()) {
                json.beginObject().name(HOST).value(host.host()).name(STALE).value(true);
                writeLastSeen(json, host.lastSeenMillis());
                writeHostInfo(json, host.info());
                json.name(DC_RANK).nullValue().name(DC_SCORE).nullValue();
                json.endObject();
            }
            json.endArray();
            json.name("datacenters").beginArray();
            for (SliceScores each : ranking.slices()) {
                if (each.slice().unplaced()) {
                    continue; // its hosts are the ones with "datacenter": null
                }
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
            if (ranking.hostInfo() != null) {
                writeHostInfoStats(json, ranking.hostInfo());
            }
            json.endObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the host is (docs/DATACENTERS.md): {@code cluster}, {@code datacenter}, {@code rack}, {@code hostId} and
     * {@code address}, each null when unknown, so that a reader finds every name in every entry.
     */
    private static void writeHostInfo(JsonText json, HostInfo info) throws IOException {
        if (info == null) {
            json.name(CLUSTER)
                    .nullValue()
                    .name(DATACENTER)
                    .nullValue()
                    .name(RACK)
                    .nullValue()
                    .name(HOST_ID)
                    .nullValue()
                    .name(ADDRESS)
                    .nullValue();
            return;
        }
        json.name(CLUSTER)
                .value(info.cluster())
                .name(DATACENTER)
                .value(info.datacenter())
                .name(RACK)
                .value(info.rack())
                .name(HOST_ID)
                .value(info.hostId())
                .name(ADDRESS)
                .value(info.address());
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
        StringWriter out = new StringWriter(256 + ranking.ranked().size() * 150);
        writeTopic(ranking, windowMillis, out);
        return out.toString();
    }

    /**
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
            json.name("hosts").beginArray();
            int rank = 1;
            for (HostAverage host : ranking.ranked()) {
                json.beginObject().name(RANK).value(rank++).name(HOST).value(host.host());
                json.name(AVERAGE).value(host.average()).name(SAMPLES).value(host.samples());
                writeLastSeen(json, host.lastSampleMillis());
                json.endObject();
            }
            json.endArray();
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

    private static void writeLastSeen(JsonText json, long epochMillis) throws IOException {
        json.name(LAST_SEEN).instant(epochMillis);
        json.name(LAST_SEEN_MILLIS).value(epochMillis);
    }

    private static void writeTime(JsonText json, long epochMillis) throws IOException {
        json.name("rankedAt").instant(epochMillis);
        json.name("rankedAtMillis").value(epochMillis);
    }
}
