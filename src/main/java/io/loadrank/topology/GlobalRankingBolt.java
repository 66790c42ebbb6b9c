package io.loadrank.topology;

import io.loadrank.output.RankingFileWriter;
import io.loadrank.output.RankingJson;
import io.loadrank.output.RankingText;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.GlobalScorer;
import java.nio.file.Path;
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

/**
 * Combines the latest ranking of every topic into the global ranking (SPEC sections 3.1, 3.2)
 * and publishes it: GlobalRankings.txt and .json, and one JSON record per emit on the rankings
 * topic when one is configured. Runs as exactly one task. It publishes once every topic has sent
 * a new ranking, and on its own tick if some topic stays silent.
 */
public final class GlobalRankingBolt extends BaseRichBolt {

    private static final long serialVersionUID = 1L;

    static final String TEXT_FILE = "GlobalRankings.txt";
    static final String JSON_FILE = "GlobalRankings.json";

    private final List<String> topics;
    private final double[] weights;
    private final long staleAfterMillis;
    private final int emitSecs;
    private final long firstRoundWaitMillis;
    private final String outputDir;
    private final boolean publishToKafka;

    private transient OutputCollector collector;
    private transient GlobalScorer scorer;
    private transient RankingFileWriter files;
    private transient Map<String, TopicRanking> latest;
    private transient Set<String> reportedThisRound;
    private transient long roundOpenedAt;
    private transient boolean publishedOnce;

    public GlobalRankingBolt(LoadRankSettings settings) {
        this.topics = settings.topics();
        this.weights = settings.weights();
        this.staleAfterMillis = settings.staleAfterMillis();
        this.emitSecs = settings.emitSecs();
        this.firstRoundWaitMillis = settings.firstRoundWaitMillis();
        this.outputDir = settings.outputDir();
        this.publishToKafka = settings.rankingsTopic() != null;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        this.scorer = new GlobalScorer(topics, weights, staleAfterMillis);
        this.files = new RankingFileWriter(Path.of(outputDir));
        this.latest = new HashMap<>();
        this.reportedThisRound = new HashSet<>();
    }

    @Override
    public void execute(Tuple tuple) {
        long now = System.currentTimeMillis();
        if (TupleUtils.isTick(tuple)) {
            // a topic that has not reported a whole emit after the first one did is late (its
            // bolts are busy or gone): publish without waiting longer. Measured from the opening
            // of the round, not from the last publication, so that the first ranking after a
            // start is not published with whichever topic happened to finish its read-back first.
            if (!reportedThisRound.isEmpty() && now - roundOpenedAt >= lateAfterMillis()) {
                publish(now);
            }
        } else {
            TopicRanking ranking = (TopicRanking) tuple.getValue(0);
            latest.put(ranking.topic(), ranking);
            if (reportedThisRound.isEmpty()) {
                roundOpenedAt = now;
            }
            reportedThisRound.add(ranking.topic());
            if (reportedThisRound.size() >= topics.size()) {
                publish(now);
            }
        }
        collector.ack(tuple);
    }

    private void publish(long now) {
        GlobalRanking ranking = scorer.score(latest, now);
        reportedThisRound.clear();
        publishedOnce = true;
        files.write(TEXT_FILE, out -> RankingText.writeGlobal(ranking, out));
        if (publishToKafka) {
            String json = RankingJson.global(ranking);
            files.write(JSON_FILE, out -> out.write(json));
            collector.emit(TopologyStreams.RANKINGS_STREAM, new Values("global", json));
        } else {
            // streamed: at 100,000 hosts the document is tens of megabytes
            files.write(JSON_FILE, out -> RankingJson.writeGlobal(ranking, out));
        }
    }

    /** How long after a round opened the missing reports are late: longer in the first round (read-back). */
    private long lateAfterMillis() {
        return publishedOnce ? emitSecs * 1000L : firstRoundWaitMillis;
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer declarer) {
        declarer.declareStream(TopologyStreams.RANKINGS_STREAM, TopologyStreams.KAFKA_RECORD_FIELDS);
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        return Map.of(Config.TOPOLOGY_TICK_TUPLE_FREQ_SECS, emitSecs);
    }
}
