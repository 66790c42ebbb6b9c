package io.loadrank.webview.record;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the records of the rankings and alerts topics. A record that is not what the view needs
 * (not JSON, missing the ranking time, no host list, an alert without id or state) is counted and
 * skipped; so is a host entry without a name or score, inside an otherwise good record. Names are
 * kept as they are, whatever characters they hold: the page shows them as text.
 */
public final class RecordParser {

    /** Longer names are cut: nothing a real fleet sends, and a bound on what one record can cost. */
    public static final int MAX_NAME = 256;

    private final Gson gson = new Gson();
    private final AtomicLong badRankings = new AtomicLong();
    private final AtomicLong badHosts = new AtomicLong();
    private final AtomicLong badAlerts = new AtomicLong();

    public Optional<RankingRecord> ranking(String json) {
        RankingRecord record;
        try {
            record = json == null ? null : gson.fromJson(json, RankingRecord.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            record = null;
        }
        if (record == null || record.rankedAtMillis() <= 0 || record.hosts() == null) {
            badRankings.incrementAndGet();
            return Optional.empty();
        }
        List<RankingRecord.Host> hosts = new ArrayList<>(record.hosts().size());
        for (RankingRecord.Host host : record.hosts()) {
            if (host == null
                    || host.host() == null
                    || host.host().isEmpty()
                    || host.score() == null
                    || !Double.isFinite(host.score())) {
                badHosts.incrementAndGet();
                continue;
            }
            hosts.add(new RankingRecord.Host(
                    host.rank(),
                    cut(host.host()),
                    host.score(),
                    host.incomplete(),
                    host.lastSeenMillis(),
                    host.averages() == null ? Map.of() : host.averages(),
                    cut(host.datacenter()),
                    cut(host.rack()),
                    cut(host.hostId()),
                    host.dcRank(),
                    host.dcScore()));
        }
        List<RankingRecord.Stale> stale = new ArrayList<>();
        if (record.stale() != null) {
            for (RankingRecord.Stale host : record.stale()) {
                if (host == null || host.host() == null || host.host().isEmpty()) {
                    badHosts.incrementAndGet();
                    continue;
                }
                stale.add(new RankingRecord.Stale(
                        cut(host.host()), host.lastSeenMillis(), cut(host.datacenter()), cut(host.rack())));
            }
        }
        List<RankingRecord.Topic> topics = record.topics() == null
                ? List.of()
                : record.topics().stream()
                        .filter(topic -> topic != null && topic.topic() != null)
                        .toList();
        return Optional.of(new RankingRecord(record.rankedAtMillis(), topics, hosts, stale));
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
