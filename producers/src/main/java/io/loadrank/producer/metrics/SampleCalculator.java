package io.loadrank.producer.metrics;

import io.loadrank.metric.Metric;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns the raw readings of one poll into the values to send (docs/PRODUCER.md). Keeps the
 * previous latency counters between polls; used by one thread at a time.
 */
public final class SampleCalculator implements ReadingsReceiver {

    private final boolean memoryFromMBean;
    private final IntervalLatency readLatency = new IntervalLatency();
    private final IntervalLatency writeLatency = new IntervalLatency();
    private final EnumMap<Metric, Double> values = new EnumMap<>(Metric.class);

    /**
     * @param memoryFromMBean true when memory comes from the OperatingSystem MBean, false when the
     *                        caller reads /proc/meminfo itself and MBean values are to be ignored
     */
    public SampleCalculator(boolean memoryFromMBean) {
        this.memoryFromMBean = memoryFromMBean;
    }

    /** Starts a poll: forgets the values of the previous one (not the latency counters). */
    public void begin() {
        values.clear();
    }

    /** The values of this poll, by metric; a metric without a value is absent. */
    public Map<Metric, Double> values() {
        return new EnumMap<>(values);
    }

    @Override
    public void cpuLoad(Object value) {
        put(Metric.CPU_LOAD, CpuPercent.fromLoad(value));
    }

    @Override
    public void osMemory(Map<String, ?> attributes) {
        if (memoryFromMBean) {
            put(Metric.MEM_LOAD, MemoryPercent.fromMBeanAttributes(attributes));
        }
    }

    @Override
    public void pendingTasks(Collection<?> gaugeValues) {
        put(Metric.PENDING_TASKS, PendingTasks.sum(gaugeValues));
    }

    @Override
    public void latency(Metric metric, LatencyCounters counters) {
        IntervalLatency latency = switch (metric) {
            case READ_LATENCY -> readLatency;
            case WRITE_LATENCY -> writeLatency;
            default -> throw new IllegalArgumentException("not a latency metric: " + metric);
        };
        put(metric, latency.next(counters));
    }

    private void put(Metric metric, OptionalDouble value) {
        value.ifPresent(v -> values.put(metric, v));
    }
}
