package io.loadrank.topology;

import java.util.Map;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichSpout;
import org.apache.storm.tuple.Values;

/**
 * Ticks every {@code periodMillis} to every parser task, which then sends the samples it holds.
 * Storm's own tick tuples come at most once a second, too coarse for the freshness target (a
 * sample in the ranking files within the emit interval plus one second): with this clock a sample
 * waits at most one period in a parser when traffic is too thin to fill batches.
 *
 * <p>When it is not time to tick, {@link #nextTuple} emits nothing and Storm's spout wait strategy
 * idles the executor, so the clock costs next to nothing.
 */
public final class BatchFlushClockSpout extends BaseRichSpout {

    private static final long serialVersionUID = 1L;

    private final long periodMillis;

    private transient SpoutOutputCollector collector;
    private transient long nextTickAt;

    public BatchFlushClockSpout(long periodMillis) {
        if (periodMillis < 1) {
            throw new IllegalArgumentException("periodMillis must be at least 1, got " + periodMillis);
        }
        this.periodMillis = periodMillis;
    }

    @Override
    public void open(Map<String, Object> conf, TopologyContext context, SpoutOutputCollector collector) {
        this.collector = collector;
        this.nextTickAt = System.currentTimeMillis() + periodMillis;
    }

    @Override
    public void nextTuple() {
        long now = System.currentTimeMillis();
        if (now >= nextTickAt) {
            collector.emit(TopologyStreams.FLUSH_STREAM, new Values(now));
            // a late tick (a busy machine) is not made up for: the next one is a period from now
            nextTickAt = now + periodMillis;
        }
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer declarer) {
        declarer.declareStream(TopologyStreams.FLUSH_STREAM, TopologyStreams.FLUSH_FIELDS);
    }
}
