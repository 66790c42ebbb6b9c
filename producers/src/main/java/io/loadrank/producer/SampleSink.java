package io.loadrank.producer;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.metric.Metric;

/** Where the poll loop puts each value; must never block the caller for long. */
public interface SampleSink extends AutoCloseable {

    void send(Metric metric, double value, long timestampMillis);

    /** Sends the host-info record (docs/DATACENTERS.md); does nothing when no host-info topic is configured. */
    void sendHostInfo(HostInfo info, long timestampMillis);

    /** Sends what is still buffered (bounded in time) and releases everything. */
    @Override
    void close();
}
