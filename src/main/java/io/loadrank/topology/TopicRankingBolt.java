package io.loadrank.topology;

import io.loadrank.message.MalformedReason;
import io.loadrank.output.HostOutputDir;
import io.loadrank.output.LatestWins;
import io.loadrank.output.RankingFileWriter;
import io.loadrank.output.RankingJson;
import io.loadrank.output.RankingText;
import io.loadrank.ranking.RankingRound;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.ranking.TopicRankingAssembler;
import io.loadrank.window.WindowSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.storm.Config;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;
import org.apache.storm.utils.TupleUtils;

/**
 * Ranks all hosts of one topic (docs/RANKING.md): merges the windows of the rolling tasks,
 * writes {@code <topic>.txt} and {@code <topic>.json}, and sends the ranking to the global
 * ranking bolt. It ranks as soon as every rolling task has reported (so a ranking is as fresh as
 * the windows), and on its own tick if some task stays silent. The files are written by the
 * worker's topic file thread ({@link TopicFileThread}), so the next window snapshots never wait
 * for the previous ranking's files.
 */
public final class TopicRankingBolt extends BaseRichBolt {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final String rollingComponent;
    private final long windowMillis;
    private final int emitSecs;
    private final long firstRoundWaitMillis;
    private final String outputDir;
    /** This worker's directory: the topology's, or its host's (HostOutputDir). */
    private transient String writtenDir;

    private final Clock clock;

    private transient OutputCollector collector;
    private transient TopicRankingAssembler assembler;
    private transient RankingFileWriter files;
    private transient int rollingTasks;
    private transient RankingRound round;
    private transient LatestWins<Runnable> output;

    public TopicRankingBolt(
            String topic,
            String rollingComponent,
            long windowMillis,
            int emitSecs,
            long firstRoundWaitMillis,
            String outputDir) {
        this(topic, rollingComponent, windowMillis, emitSecs, firstRoundWaitMillis, outputDir, Clock.systemUTC());
    }

    /** With a clock of the caller's: the unit tests move time by hand. */
    TopicRankingBolt(
            String topic,
            String rollingComponent,
            long windowMillis,
            int emitSecs,
            long firstRoundWaitMillis,
            String outputDir,
            Clock clock) {
        this.clock = clock;
        this.topic = topic;
        this.rollingComponent = rollingComponent;
        this.windowMillis = windowMillis;
        this.emitSecs = emitSecs;
        this.firstRoundWaitMillis = firstRoundWaitMillis;
        this.outputDir = outputDir;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        // Keep a task's last window until every host in it would have left the window anyway: a
        // rolling task behind on a backlog sends its window late, and dropping it sooner published
        // rankings without its hosts (seen at 100,000 hosts under load).
        this.assembler = new TopicRankingAssembler(topic, windowMillis);
        Path directory = HostOutputDir.of(outputDir);
        this.writtenDir = directory.toString();
        this.files = new RankingFileWriter(directory);
        this.rollingTasks = context.getComponentTasks(rollingComponent).size();
        this.round = new RankingRound(emitSecs * 1000L, firstRoundWaitMillis);
        this.output = TopicFileThread.acquire(writtenDir);
    }

    @Override
    public void cleanup() {
        TopicFileThread.release(writtenDir);
    }

    /** Waits until the files of every ranking handed over are written (the unit tests). */
    boolean awaitFiles(Duration timeout) throws InterruptedException {
        return output.awaitIdle(timeout);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(Tuple tuple) {
        long now = clock.millis();
        if (TupleUtils.isTick(tuple)) {
            if (round.isLate(now)) {
                publish(now);
            }
        } else if (TopologyStreams.WINDOW_STREAM.equals(tuple.getSourceStreamId())) {
            round.reported(now);
            assembler.acceptWindow(tuple.getInteger(0), (WindowSnapshot) tuple.getValue(1));
            if (assembler.roundComplete(rollingTasks)) {
                publish(now);
            }
        } else if (TopologyStreams.MALFORMED_COUNTS_STREAM.equals(tuple.getSourceStreamId())) {
            assembler.acceptMalformedCounts(tuple.getSourceTask(), (Map<MalformedReason, Long>) tuple.getValue(0));
        }
        collector.ack(tuple);
    }

    private void publish(long now) {
        TopicRanking ranking = assembler.rank(now);
        round.published();
        // nobody changes a ranking once made, so the global bolt and the file thread read it at once
        collector.emit(new Values(ranking));
        output.submit(topic, () -> writeFiles(ranking));
    }

    /** On the topic file thread: the files of one ranking. */
    private void writeFiles(TopicRanking ranking) {
        files.write(topic + ".txt", out -> RankingText.writeTopic(ranking, out));
        files.write(topic + ".json", out -> RankingJson.writeTopic(ranking, windowMillis, out));
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer declarer) {
        declarer.declare(TopologyStreams.TOPIC_RANKING_FIELDS);
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        return Map.of(Config.TOPOLOGY_TICK_TUPLE_FREQ_SECS, emitSecs);
    }
}
