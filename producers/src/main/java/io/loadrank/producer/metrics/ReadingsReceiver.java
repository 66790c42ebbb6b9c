package io.loadrank.producer.metrics;

import io.loadrank.metric.Metric;
import java.util.Collection;
import java.util.Map;

/**
 * Receives the raw values of one poll of a Cassandra node, as a scraper reads them. The JMX
 * scraper calls it; the metric math implements it, so that the math is tested without JMX.
 * A method that is not called means "no value this poll" (MBean not there yet, node down).
 */
public interface ReadingsReceiver {

    /** The OperatingSystem MBean's {@code CpuLoad} (or {@code SystemCpuLoad}) value. */
    void cpuLoad(Object value);

    /** The OperatingSystem MBean's memory attributes that exist ({@link MemoryPercent#MBEAN_ATTRIBUTES}). */
    void osMemory(Map<String, ?> attributes);

    /** The values of every {@code PendingTasks} gauge found. */
    void pendingTasks(Collection<?> gaugeValues);

    /** The cumulative coordinator latency counters of reads or writes. */
    void latency(Metric metric, LatencyCounters counters);
}
