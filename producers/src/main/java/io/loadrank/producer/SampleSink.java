package io.loadrank.producer;

import io.loadrank.metric.Metric;

/** Where the poll loop puts each value; must never block the caller for long. */
public interface SampleSink extends AutoCloseable {

    void send(Metric metric, double value, long timestampMillis);

    /** Sends what is still buffered (bounded in time) and releases everything. */
    @Override
    void close();
}
