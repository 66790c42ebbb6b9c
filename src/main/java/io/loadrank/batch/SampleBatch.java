package io.loadrank.batch;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Parsed samples of one topic bound for one rolling task, in the order the parser read them:
 * sample {@code i} is ({@code hosts[i]}, {@code values[i]}, {@code times[i]}). It travels as one
 * tuple, because Storm's cost is per tuple, not per byte: one tuple per sample made the hop from
 * parser to rolling bolt cost more than the window work itself (docs/BENCHMARKS.md).
 *
 * <p>The arrays belong to the batch once it is made; nobody writes them afterwards.
 */
public record SampleBatch(String[] hosts, double[] values, long[] times) implements Serializable {

    public SampleBatch {
        if (hosts.length != values.length || hosts.length != times.length) {
            throw new IllegalArgumentException("a batch needs as many values and times as hosts, got " + hosts.length
                    + " hosts, " + values.length + " values, " + times.length + " times");
        }
    }

    public int size() {
        return hosts.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SampleBatch batch
                && Arrays.equals(hosts, batch.hosts)
                && Arrays.equals(values, batch.values)
                && Arrays.equals(times, batch.times);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(hosts) + Arrays.hashCode(values)) + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return "SampleBatch[" + size() + " samples]";
    }
}
