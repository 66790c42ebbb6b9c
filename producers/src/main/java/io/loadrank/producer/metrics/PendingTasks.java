package io.loadrank.producer.metrics;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * Work waiting in Cassandra: the sum of the {@code PendingTasks} gauges of the request thread
 * pools, the native transport pool and compaction (docs/PRODUCER.md).
 */
public final class PendingTasks {

    private PendingTasks() {}

    /**
     * Sums the gauge values that are numbers. Cassandra creates some pools only when first used,
     * so the set varies; values that are not numbers (or negative) are skipped.
     *
     * @return empty when no gauge had a value, so that "could not read" is never sent as 0
     */
    public static OptionalDouble sum(Collection<?> gaugeValues) {
        long sum = 0;
        boolean any = false;
        for (Object value : gaugeValues) {
            if (value instanceof Number number && number.longValue() >= 0) {
                sum += number.longValue();
                any = true;
            }
        }
        return any ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}
