package io.loadrank.topology;

import io.loadrank.alert.AlertEngine;
import io.loadrank.alert.AlertEvent;
import io.loadrank.alert.AlertRules;
import io.loadrank.alert.FleetSnapshots;
import io.loadrank.hostinfo.HostInfoResult;
import io.loadrank.hosts.HostDirectory;
import io.loadrank.log.LogThrottle;
import io.loadrank.output.AlertJson;
import io.loadrank.output.HostOutputDir;
import io.loadrank.output.LatestWins;
import io.loadrank.output.RankingFileWriter;
import io.loadrank.output.RankingJson;
import io.loadrank.output.RankingText;
import io.loadrank.output.SliceRankingFiles;
import io.loadrank.output.SliceRecordPlan;
import io.loadrank.output.SliceRecords;
import io.loadrank.ranking.RankingRound;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.GlobalScorer;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.storm.Config;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;
import org.apache.storm.utils.TupleUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Combines the latest ranking of every topic into the global ranking (docs/RANKING.md)
 * and publishes it: GlobalRankings.txt and .json, the files of every slice, and one record (or a few
 * parts) per slice on the rankings topic when one is configured (docs/OUTPUT.md); at start it reads
 * which slice keys an earlier run left live there ({@link RankingsTopicKeys}), so that the slices that
 * left meanwhile get their tombstones too. Runs as exactly one task. It publishes once every topic has sent
 * a new ranking, and on its own tick if some topic stays silent; a round that completes less than
 * half an emit after the last publication is left to its tick ({@link RankingRound#tooSoon}), so
 * a bolt that fell behind catches up instead of ranking every round that queued up.
 *
 * <p>With a host-info topic it also keeps the latest host info per host ({@link HostDirectory},
 * each record parsed once as it arrives; malformed ones counted and logged at a bounded rate) and
 * ranks every slice (a datacenter of a cluster) on its own: {@code GlobalRankings-<slice>.txt}/.json
 * ({@link SliceRankingFiles}; docs/DATACENTERS.md). Without it every host is in one slice, whose
 * record is the fleet's.
 *
 * <p>With alert rules configured it evaluates them against every global ranking it publishes
 * (docs/ALERTS.md): the active alerts go to Alerts.json, every event to the alerts topic when one
 * is configured.
 *
 * <p>The files are written by a thread of their own ({@link LatestWins}): this bolt scores, sends
 * the slice records and the alert events, and hands the immutable ranking over. At 100,000 hosts the
 * files take longer than the score; written here, they held up the next round and the topic
 * rankings queued behind them (docs/BENCHMARKS.md). A ranking whose files have not started when a
 * newer one is ready is skipped for the newer one.
 */
public final class GlobalRankingBolt extends BaseRichBolt {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GlobalRankingBolt.class);

    static final String TEXT_FILE = "GlobalRankings.txt";
    static final String JSON_FILE = "GlobalRankings.json";
    static final String ALERTS_FILE = "Alerts.json";

    private final List<String> topics;
    private final double[] weights;
    private final long staleAfterMillis;
    private final int emitSecs;
    private final int windowSecs;
    private final long firstRoundWaitMillis;
    private final String outputDir;
    private final boolean publishToKafka;
    private final String rankingsTopic;
    private final String bootstrapServers;
    private final HashMap<String, String> kafkaProperties;
    /** False for the unit tests, which have no Kafka. */
    private final boolean readLiveKeysAtStart;

    private final String hostsTopic;
    private final AlertRules alertRules;
    private final boolean publishAlerts;
    private final Clock clock;

    private transient OutputCollector collector;
    private transient GlobalScorer scorer;
    private transient RankingFileWriter files;
    private transient SliceRankingFiles sliceFiles;
    private transient SliceRecordPlan sliceRecords;
    /** The keys an earlier run left live on the rankings topic, while being read; then null. */
    private transient RankingsTopicKeys liveKeys;

    private transient HostDirectory hosts;
    private transient LogThrottle hostInfoLog;
    private transient LogThrottle behindLog;
    private transient Map<String, TopicRanking> latest;
    private transient Set<String> reportedThisRound;
    private transient RankingRound round;
    /** Complete rounds skipped for newer ones while behind ({@link RankingRound#tooSoon}). */
    private transient long skippedRounds;

    private transient AlertEngine alerts;
    private transient LatestWins<Publication> output;

    /**
     * What the file thread writes for one ranking: it, its slices (rendered already when they went to
     * the rankings topic, else null and rendered on the file thread), the active alerts if any.
     */
    private record Publication(
            GlobalRanking ranking,
            List<SliceRanking> slices,
            List<SliceRecordFormat.Rendered> rendered,
            List<AlertEvent> activeAlerts) {}

    public GlobalRankingBolt(LoadRankSettings settings) {
        this(settings, Clock.systemUTC(), true);
    }

    /**
     * With a clock of the caller's: the unit tests move time by hand; and without reading the rankings
     * topic at start (they hand the keys over with {@link #liveKeysFrom}).
     */
    GlobalRankingBolt(LoadRankSettings settings, Clock clock) {
        this(settings, clock, false);
    }

    private GlobalRankingBolt(LoadRankSettings settings, Clock clock, boolean readLiveKeysAtStart) {
        this.clock = clock;
        this.readLiveKeysAtStart = readLiveKeysAtStart;
        this.topics = settings.topics();
        this.weights = settings.weights();
        this.staleAfterMillis = settings.staleAfterMillis();
        this.emitSecs = settings.emitSecs();
        this.windowSecs = (int) (settings.windowMillis() / 1000);
        this.firstRoundWaitMillis = settings.firstRoundWaitMillis();
        this.outputDir = settings.outputDir();
        this.publishToKafka = settings.rankingsTopic() != null;
        this.rankingsTopic = settings.rankingsTopic();
        this.bootstrapServers = settings.bootstrapServers();
        this.kafkaProperties = new HashMap<>(settings.kafkaProperties());
        this.hostsTopic = settings.hostsTopic();
        this.alertRules = settings.alerts();
        this.publishAlerts = settings.alertsTopic() != null;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        this.scorer = new GlobalScorer(topics, weights, staleAfterMillis);
        Path directory = HostOutputDir.of(outputDir);
        // on a cluster the files land on the host of this worker: say which, for whoever looks for them
        LOG.info("global ranking files go to {} (worker port {})", directory, context.getThisWorkerPort());
        this.files = new RankingFileWriter(directory);
        this.sliceFiles = new SliceRankingFiles(files);
        this.sliceRecords = new SliceRecordPlan();
        if (publishToKafka && readLiveKeysAtStart) {
            this.liveKeys = RankingsTopicKeys.start(rankingsTopic, bootstrapServers, kafkaProperties);
        }
        this.hosts = hostsTopic == null ? null : new HostDirectory(hostsTopic);
        this.hostInfoLog = new LogThrottle(10_000);
        this.behindLog = new LogThrottle(60_000);
        this.latest = new HashMap<>();
        this.reportedThisRound = new HashSet<>();
        this.round = new RankingRound(emitSecs * 1000L, firstRoundWaitMillis);
        this.alerts = alertRules.isEmpty() ? null : new AlertEngine(alertRules);
        this.output = new LatestWins<>("loadrank-global-files", this::writeFiles);
    }

    @Override
    public void cleanup() {
        if (liveKeys != null) {
            liveKeys.close();
        }
        output.close();
    }

    /** Hands the bolt the reading of the rankings topic's live keys (the unit tests). */
    void liveKeysFrom(RankingsTopicKeys keys) {
        this.liveKeys = keys;
    }

    /** Complete rounds skipped so far because newer topic rankings were waiting (the unit tests). */
    long skippedRounds() {
        return skippedRounds;
    }

    /** Waits until the files of every ranking handed over are written (the unit tests). */
    boolean awaitFiles(Duration timeout) throws InterruptedException {
        return output.awaitIdle(timeout);
    }

    @Override
    public void execute(Tuple tuple) {
        long now = clock.millis();
        if (TopologyStreams.HOST_INFO_STREAM.equals(tuple.getSourceStreamId())) {
            acceptHostInfo((String) tuple.getValue(0), (String) tuple.getValue(1), now);
        } else if (TupleUtils.isTick(tuple)) {
            if (round.isLate(now)) {
                publish(now);
            }
        } else {
            TopicRanking ranking = (TopicRanking) tuple.getValue(0);
            latest.put(ranking.topic(), ranking);
            round.reported(now);
            reportedThisRound.add(ranking.topic());
            if (reportedThisRound.size() >= topics.size()) {
                if (round.tooSoon(now)) {
                    // behind: newer topic rankings wait in the queue; rank with them instead
                    skippedRounds++;
                    long heldBack = behindLog.tryAcquire(now);
                    if (heldBack >= 0) {
                        LOG.info(
                                "behind the topic rankings: a round that completed {} ms after the last ranking is"
                                        + " skipped for the newer ones in the queue ({} rounds skipped since start)",
                                now - round.publishedAtMillis(),
                                skippedRounds);
                    }
                    reportedThisRound.clear();
                } else {
                    publish(now);
                }
            }
        }
        collector.ack(tuple);
    }

    private void acceptHostInfo(String key, String value, long now) {
        HostInfoResult result = hosts.accept(key, value);
        if (result instanceof HostInfoResult.Malformed malformed) {
            long heldBack = hostInfoLog.tryAcquire(now);
            if (heldBack >= 0) {
                LOG.warn(
                        "skipping malformed host-info record on topic {}: {} ({}){}",
                        hostsTopic,
                        malformed.reason().label(),
                        malformed.detail(),
                        heldBack > 0 ? "; " + heldBack + " more malformed records were not logged" : "");
            }
        }
    }

    private void publish(long now) {
        GlobalRanking ranking = hosts == null
                ? scorer.score(latest, now)
                : scorer.score(latest, now, hosts.hosts()).withHostInfo(hosts.stats());
        reportedThisRound.clear();
        round.published(now);
        List<SliceRanking> slices = SliceRecords.of(ranking, windowSecs, emitSecs);
        List<SliceRecordFormat.Rendered> rendered = null;
        if (publishToKafka) {
            rememberLiveKeys();
            // made here: the collector is this thread's; the file thread joins the same rows into files
            rendered = SliceRecordFormat.render(slices);
            for (SliceRecordPlan.KeyedValue record : sliceRecords.records(rendered)) {
                collector.emit(TopologyStreams.RANKINGS_STREAM, new Values(record.key(), record.value()));
            }
        }
        List<AlertEvent> activeAlerts = alerts == null ? null : evaluateAlerts(ranking);
        output.submit(new Publication(ranking, slices, rendered, activeAlerts));
    }

    /** Once the keys an earlier run left on the rankings topic are read: the plan takes them, here, on its thread. */
    private void rememberLiveKeys() {
        if (liveKeys == null) {
            return;
        }
        boolean ended = liveKeys.done(); // before take(): a read that ended has set its keys
        Collection<SliceKey> keys = liveKeys.take();
        if (keys != null) {
            sliceRecords.rememberLive(keys);
        }
        if (ended || keys != null) {
            liveKeys = null;
        }
    }

    /**
     * The slices that have files, rendered; null in the place of the hosts without host info, which
     * have no slice files (without a host-info topic that is the whole fleet, not worth rendering).
     */
    private static List<SliceRecordFormat.Rendered> renderFiled(List<SliceRanking> slices) {
        List<SliceRecordFormat.Rendered> rendered = new ArrayList<>(slices.size());
        for (SliceRanking slice : slices) {
            rendered.add(slice.slice().unplaced() ? null : SliceRecordFormat.render(slice));
        }
        return rendered;
    }

    /** On the file thread: the files of one ranking. */
    private void writeFiles(Publication publication) {
        GlobalRanking ranking = publication.ranking();
        List<SliceRecordFormat.Rendered> rendered =
                publication.rendered() != null ? publication.rendered() : renderFiled(publication.slices());
        // GlobalRankings.json last: a reader that sees a new one finds every other file of its round in
        // place; also without a host-info topic, the slices' files go first: removes those an earlier
        // run left
        sliceFiles.publish(ranking, rendered);
        if (publication.activeAlerts() != null) {
            files.write(
                    ALERTS_FILE,
                    out -> AlertJson.writeActive(ranking.rankedAtMillis(), publication.activeAlerts(), out));
        }
        files.write(TEXT_FILE, out -> RankingText.writeGlobal(ranking, out));
        // streamed: at 100,000 hosts the document is tens of megabytes
        files.write(JSON_FILE, out -> RankingJson.writeGlobal(ranking, out));
    }

    /** Evaluates the alert rules, logs and sends the events; the alerts active now. */
    private List<AlertEvent> evaluateAlerts(GlobalRanking ranking) {
        List<AlertEvent> events = alerts.evaluate(FleetSnapshots.of(ranking));
        for (AlertEvent event : events) {
            LOG.info(
                    "alert {} {}: {} (occurrences {})",
                    event.id(),
                    event.state().label(),
                    event.message(),
                    event.occurrences());
            if (publishAlerts) {
                collector.emit(TopologyStreams.ALERTS_STREAM, new Values(event.id(), AlertJson.event(event)));
            }
        }
        return alerts.active();
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer declarer) {
        declarer.declareStream(TopologyStreams.RANKINGS_STREAM, TopologyStreams.KAFKA_RECORD_FIELDS);
        declarer.declareStream(TopologyStreams.ALERTS_STREAM, TopologyStreams.KAFKA_RECORD_FIELDS);
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        return Map.of(Config.TOPOLOGY_TICK_TUPLE_FREQ_SECS, emitSecs);
    }
}
