package io.loadrank.topology;

import com.google.gson.JsonObject;
import io.loadrank.batch.SampleBatcher;
import io.loadrank.log.LogThrottle;
import io.loadrank.message.MalformedReason;
import io.loadrank.message.ParseResult;
import io.loadrank.message.Sample;
import io.loadrank.message.WireFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 * Turns Kafka record values into samples (docs/MESSAGES.md). A thin adapter around
 * {@link WireFormat#parse}: a malformed message is counted by reason, logged at a bounded rate,
 * acked, and copied to the dead-letter stream when one is configured; it never stops or slows
 * the topology.
 *
 * <p>Valid samples go to the rolling bolt in batches ({@link SampleBatcher}), each sent directly to
 * the rolling task that owns its hosts. A batch leaves when it is full, on every tick of the
 * {@link BatchFlushClockSpout}, and before the read-back marker is passed on (so the marker still
 * arrives behind the samples it vouches for). Each batch is anchored to the input tuples of its
 * samples, which are acked once it has left, so at-least-once processing still covers every sample.
 */
public final class ParserBolt extends BaseRichBolt {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ParserBolt.class);

    /** Longest raw message copied to the dead-letter topic; longer ones are cut. */
    static final int MAX_DEADLETTER_CHARS = 64 * 1024;

    private final String topic;
    private final String rollingComponent;
    private final boolean deadLetter;
    private final int emitSecs;
    private final int batchSize;

    private transient OutputCollector collector;
    private transient List<Integer> rollingTasks;
    private transient SampleBatcher<Tuple> batcher;
    private transient EnumMap<MalformedReason, Long> malformed;
    private transient Map<MalformedReason, com.codahale.metrics.Counter> metrics;
    private transient LogThrottle logThrottle;

    /**
     * @param rollingComponent the rolling stage of the topic, whose tasks receive the batches
     * @param batchSize        samples per batch at most
     */
    public ParserBolt(String topic, String rollingComponent, boolean deadLetter, int emitSecs, int batchSize) {
        this.topic = topic;
        this.rollingComponent = rollingComponent;
        this.deadLetter = deadLetter;
        this.emitSecs = emitSecs;
        this.batchSize = batchSize;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        // sorted, so that every parser task maps a host to the same rolling task
        this.rollingTasks = new ArrayList<>(context.getComponentTasks(rollingComponent));
        this.rollingTasks.sort(null);
        this.batcher = new SampleBatcher<>(rollingTasks.size(), batchSize);
        this.malformed = new EnumMap<>(MalformedReason.class);
        this.metrics = new EnumMap<>(MalformedReason.class);
        for (MalformedReason reason : MalformedReason.values()) {
            metrics.put(reason, context.registerCounter("loadrank.malformed." + reason.label()));
        }
        this.logThrottle = new LogThrottle(10_000);
    }

    @Override
    public void execute(Tuple tuple) {
        if (TupleUtils.isTick(tuple)) {
            collector.emit(TopologyStreams.MALFORMED_COUNTS_STREAM, new Values(new EnumMap<>(malformed)));
            collector.ack(tuple);
            return;
        }
        String stream = tuple.getSourceStreamId();
        if (TopologyStreams.FLUSH_STREAM.equals(stream)) {
            sendAll();
            collector.ack(tuple);
            return;
        }
        if (TopologyStreams.READBACK_DONE_STREAM.equals(stream)) {
            sendAll();
            collector.emit(TopologyStreams.READBACK_DONE_STREAM, new Values(topic));
            collector.ack(tuple);
            return;
        }
        String message = tuple.getString(0);
        long recordTime = tuple.getLong(1);
        ParseResult result = WireFormat.parse(message, recordTime);
        if (result instanceof ParseResult.Valid valid) {
            Sample sample = valid.sample();
            SampleBatcher.Ready<Tuple> full =
                    batcher.add(sample.host(), sample.value(), sample.timestampMillis(), tuple);
            if (full != null) {
                send(full);
            }
            // acked when its batch leaves
        } else {
            reject(tuple, message, (ParseResult.Malformed) result);
            collector.ack(tuple);
        }
    }

    private void sendAll() {
        for (SampleBatcher.Ready<Tuple> ready : batcher.drainAll()) {
            send(ready);
        }
    }

    private void send(SampleBatcher.Ready<Tuple> ready) {
        collector.emitDirect(
                rollingTasks.get(ready.target()),
                TopologyStreams.SAMPLE_BATCH_STREAM,
                ready.anchors(),
                new Values(ready.batch()));
        for (Tuple input : ready.anchors()) {
            collector.ack(input);
        }
    }

    private void reject(Tuple tuple, String message, ParseResult.Malformed malformedMessage) {
        MalformedReason reason = malformedMessage.reason();
        malformed.merge(reason, 1L, Long::sum);
        metrics.get(reason).inc();
        long heldBack = logThrottle.tryAcquire(System.currentTimeMillis());
        if (heldBack >= 0) {
            LOG.warn(
                    "skipping malformed message on topic {}: {} ({}){}",
                    topic,
                    reason.label(),
                    malformedMessage.detail(),
                    heldBack > 0 ? "; " + heldBack + " more malformed messages were not logged" : "");
        }
        if (deadLetter) {
            JsonObject record = new JsonObject();
            record.addProperty("topic", topic);
            record.addProperty("reason", reason.label());
            record.addProperty("detail", malformedMessage.detail());
            record.addProperty(
                    "message",
                    message == null || message.length() <= MAX_DEADLETTER_CHARS
                            ? message
                            : message.substring(0, MAX_DEADLETTER_CHARS));
            record.addProperty("recordTime", tuple.getLong(1));
            collector.emit(TopologyStreams.MALFORMED_STREAM, tuple, new Values(reason.label(), record.toString()));
        }
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer declarer) {
        declarer.declareStream(TopologyStreams.SAMPLE_BATCH_STREAM, true, TopologyStreams.SAMPLE_BATCH_FIELDS);
        declarer.declareStream(TopologyStreams.MALFORMED_STREAM, TopologyStreams.KAFKA_RECORD_FIELDS);
        declarer.declareStream(TopologyStreams.MALFORMED_COUNTS_STREAM, TopologyStreams.MALFORMED_COUNTS_FIELDS);
        declarer.declareStream(TopologyStreams.READBACK_DONE_STREAM, TopologyStreams.READBACK_DONE_FIELDS);
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        return Map.of(Config.TOPOLOGY_TICK_TUPLE_FREQ_SECS, emitSecs);
    }
}
