package io.loadrank.webview.record;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankedHost;
import io.loadrank.rankingfile.RankingFileException;
import io.loadrank.rankingfile.RankingFileReader;
import io.loadrank.rankingfile.RankingRecord;
import io.loadrank.rankingfile.StaleHost;
import io.loadrank.rankingfile.TopicWeight;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the records of the rankings topic (with the shared reader, {@link RankingFileReader#record})
 * and of the alerts topic. A record that is not what the view needs (not JSON, missing the ranking
 * time, no host list, an alert without id or state) is counted and skipped; so is a host entry
 * without a name or score, inside an otherwise good record. Names are
 * kept as they are, whatever characters they hold: the page shows them as text.
 */
public final class RecordParser {

    /** Longer names are cut: nothing a real fleet sends, and a bound on what one record can cost. */
    public static final int MAX_NAME = 256;

    private final Gson gson = new Gson();
    private final AtomicLong badRankings = new AtomicLong();
    private final AtomicLong badHosts = new AtomicLong();
    private final AtomicLong badAlerts = new AtomicLong();

    /**
     * A record of the rankings topic, read by the shared reader; empty when the record is unusable
     * (counted in {@link #badRankings}). Host entries the reader left out are counted in
     * {@link #badHosts}; the rest of the record is shown.
     */
    public Optional<GlobalRankingFile> ranking(String json) {
        RankingRecord record;
        try {
            record = RankingFileReader.record(json);
        } catch (RankingFileException e) {
            // the view shows the count of unusable records; the record itself is only skipped
            badRankings.incrementAndGet();
            return Optional.empty();
        }
        GlobalRankingFile ranking = record.ranking();
        if (ranking.rankedAtMillis() <= 0) {
            badRankings.incrementAndGet();
            return Optional.empty();
        }
        badHosts.addAndGet(record.refused().size());
        List<RankedHost> hosts = new ArrayList<>(ranking.hosts().size());
        for (RankedHost host : ranking.hosts()) {
            hosts.add(new RankedHost(
                    host.rank(),
                    cut(host.host()),
                    host.score(),
                    host.incomplete(),
                    host.stale(),
                    host.lastSeen(),
                    host.lastSeenMillis(),
                    host.shares(),
                    host.averages() == null ? Map.of() : host.averages(),
                    cut(host.datacenter()),
                    cut(host.rack()),
                    cut(host.hostId()),
                    cut(host.address()),
                    host.dcRank(),
                    host.dcScore()));
        }
        List<StaleHost> stale = new ArrayList<>(ranking.stale().size());
        for (StaleHost host : ranking.stale()) {
            stale.add(new StaleHost(
                    cut(host.host()),
                    host.stale(),
                    host.lastSeen(),
                    host.lastSeenMillis(),
                    cut(host.datacenter()),
                    cut(host.rack()),
                    cut(host.hostId())));
        }
        List<TopicWeight> topics = ranking.topics().stream()
                .filter(topic -> topic != null && topic.topic() != null)
                .toList();
        return Optional.of(new GlobalRankingFile(
                ranking.rankedAt(),
                ranking.rankedAtMillis(),
                ranking.windowsAtMillis(),
                topics,
                hosts,
                stale,
                ranking.datacenter(),
                ranking.hostInfo()));
    }

    public Optional<AlertRecord> alert(String json) {
        AlertRecord record;
        try {
            record = json == null ? null : gson.fromJson(json, AlertRecord.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            record = null;
        }
        if (record == null
                || record.id() == null
                || record.id().isEmpty()
                || !("firing".equals(record.state()) || "resolved".equals(record.state()))) {
            badAlerts.incrementAndGet();
            return Optional.empty();
        }
        return Optional.of(record);
    }

    public long badRankings() {
        return badRankings.get();
    }

    public long badHosts() {
        return badHosts.get();
    }

    public long badAlerts() {
        return badAlerts.get();
    }

    private static String cut(String name) {
        return name == null || name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }
}
