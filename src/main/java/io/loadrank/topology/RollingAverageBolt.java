package io.loadrank.topology;

import com.codahale.metrics.Counter;
import io.loadrank.batch.SampleBatch;
import io.loadrank.window.SampleOutcome;
import io.loadrank.window.SlidingWindowAverages;
import io.loadrank.window.WindowSnapshot;
import java.time.Clock;
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
 * Keeps the sliding-window averages of the hosts whose sample batches the parsers send to this
 * task (docs/WINDOWS.md; a host's samples always come to the same task) and, every emit,
 * sends its part of the topic's window to the topic ranking bolt. A thin adapter around
 * {@link SlidingWindowAverages}; the clock is the wall clock (a hand-moved one in the unit tests).
 */
public final class RollingAverageBolt extends BaseRichBolt {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RollingAverageBolt.class);
    private static final SampleOutcome[] OUTCOMES = SampleOutcome.values();

    private final String topic;
    private final long windowMillis;
    private final long futureToleranceMillis;
    private final int emitSecs;
    private final String parserComponent;
    private final long readBackWaitMillis;
    private final Clock clock;

    private transient OutputCollector collector;
    private transient int parserTasks;
    private transient java.util.Set<Integer> readBackDoneFrom;
    private transient long preparedAt;
    private transient boolean emitting;
    private transient SlidingWindowAverages window;
    private transient int taskId;
    private transient Map<SampleOutcome, Counter> metrics;

    /**
     * @param parserComponent    the parser stage of the topic, which forwards the read-back marker
     * @param readBackWaitMillis how long the first emit waits for the read-back of the last window
     *                           (0: the read-back is off, emit at once); after that it emits anyway
     */
    public RollingAverageBolt(
            String topic,
            long windowMillis,
            long futureToleranceMillis,
            int emitSecs,
            String parserComponent,
            long readBackWaitMillis) {
        this(
                topic,
                windowMillis,
                futureToleranceMillis,
                emitSecs,
                parserComponent,
                readBackWaitMillis,
                Clock.systemUTC());
    }

    /** With a clock of the caller's: the unit tests move time by hand. */
    RollingAverageBolt(
            String topic,
            long windowMillis,
            long futureToleranceMillis,
            int emitSecs,
            String parserComponent,
            long readBackWaitMillis,
            Clock clock) {
        this.clock = clock;
        this.topic = topic;
        this.windowMillis = windowMillis;
        this.futureToleranceMillis = futureToleranceMillis;
        this.emitSecs = emitSecs;
        this.parserComponent = parserComponent;
        this.readBackWaitMillis = readBackWaitMillis;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        this.window = new SlidingWindowAverages(windowMillis, futureToleranceMillis);
        this.taskId = context.getThisTaskId();
        this.parserTasks = context.getComponentTasks(parserComponent).size();
        this.readBackDoneFrom = new java.util.HashSet<>();
        this.preparedAt = clock.millis();
        this.emitting = readBackWaitMillis == 0;
        this.metrics = new EnumMap<>(SampleOutcome.class);
        for (SampleOutcome outcome : SampleOutcome.values()) {
            metrics.put(
                    outcome,
                    context.registerCounter("loadrank.samples." + outcome.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    @Override
    public void execute(Tuple tuple) {
        long now = clock.millis();
        if (TupleUtils.isTick(tuple)) {
            if (readyToEmit(now)) {
                WindowSnapshot snapshot = window.snapshot(now);
                collector.emit(TopologyStreams.WINDOW_STREAM, new Values(taskId, snapshot));
                reportClockSuspects();
            }
        } else if (TopologyStreams.READBACK_DONE_STREAM.equals(tuple.getSourceStreamId())) {
            readBackDoneFrom.add(tuple.getSourceTask());
        } else {
            add((SampleBatch) tuple.getValue(0), now);
        }
        collector.ack(tuple);
    }

    private void add(SampleBatch batch, long now) {
        String[] hosts = batch.hosts();
        double[] values = batch.values();
        long[] times = batch.times();
        int[] outcomes = new int[OUTCOMES.length];
        for (int i = 0; i < hosts.length; i++) {
            outcomes[window.add(hosts[i], values[i], times[i], now).ordinal()]++;
        }
        for (SampleOutcome outcome : OUTCOMES) {
            if (outcomes[outcome.ordinal()] > 0) {
                metrics.get(outcome).inc(outcomes[outcome.ordinal()]);
            }
        }
    }

    /**
     * False until the read-back of the last window has passed through every parser task (or the
     * wait is over): a ranking of half a window would put the hosts in the wrong order.
     */
    private boolean readyToEmit(long now) {
        if (emitting) {
            return true;
        }
        if (readBackDoneFrom.size() >= parserTasks) {
            LOG.info("topic {}: window history read back, {} hosts; ranking starts", topic, window.hostCount());
            emitting = true;
        } else if (now - preparedAt >= readBackWaitMillis) {
            LOG.warn(
                    "topic {}: the read-back of the last window did not finish within {} s; ranking starts with "
                            + "{} hosts, and the first rankings may cover less than a full window",
                    topic,
                    readBackWaitMillis / 1000,
                    window.hostCount());
            emitting = true;
        }
        return emitting;
    }

    private void reportClockSuspects() {
        List<String> suspects = window.drainNewClockSuspects();
        if (!suspects.isEmpty()) {
            LOG.warn(
                    "topic {}: the samples of {} keep falling outside the {} s window (late or in the future): "
                            + "check the clock of {}",
                    topic,
                    suspects.size() > 20 ? suspects.subList(0, 20) + " and more" : suspects,
                    windowMillis / 1000,
                    suspects.size() == 1 ? "that host" : "those hosts");
        }
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer declarer) {
        declarer.declareStream(TopologyStreams.WINDOW_STREAM, TopologyStreams.WINDOW_FIELDS);
    }

    @Override
    public Map<String, Object> getComponentConfiguration() {
        return Map.of(Config.TOPOLOGY_TICK_TUPLE_FREQ_SECS, emitSecs);
    }
}
