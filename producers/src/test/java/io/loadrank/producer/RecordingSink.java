package io.loadrank.producer;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.metric.Metric;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps what the poll loop sends, for tests that need no Kafka. */
final class RecordingSink implements SampleSink {

    record Sent(Metric metric, double value, long timestampMillis) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(Metric metric, double value, long timestampMillis) {
        sent.add(new Sent(metric, value, timestampMillis));
    }

    private final List<HostInfo> hostInfo = new CopyOnWriteArrayList<>();

    @Override
    public void sendHostInfo(HostInfo info, long timestampMillis) {
        hostInfo.add(info);
    }

    List<HostInfo> hostInfo() {
        return List.copyOf(hostInfo);
    }

    List<Sent> sent(Metric metric) {
        return sent.stream().filter(s -> s.metric() == metric).toList();
    }

    @Override
    public void close() {}
}
