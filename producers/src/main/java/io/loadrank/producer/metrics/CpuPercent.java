package io.loadrank.producer.metrics;

import java.util.OptionalDouble;

/**
 * Host CPU load in percent from the OperatingSystem MBean's {@code CpuLoad} (Java 14+) or
 * {@code SystemCpuLoad} (older JVMs): a fraction 0..1 for the whole machine, or a negative value
 * when the JVM cannot tell yet (its first call, or an unsupported platform).
 */
public final class CpuPercent {

    /** The attribute names to try, newest first. */
    public static final String[] ATTRIBUTES = {"CpuLoad", "SystemCpuLoad"};

    private CpuPercent() {}

    /** The percentage 0..100, or empty when the attribute value is missing, negative or not a number. */
    public static OptionalDouble fromLoad(Object attributeValue) {
        if (!(attributeValue instanceof Number number)) {
            return OptionalDouble.empty();
        }
        double fraction = number.doubleValue();
        if (Double.isNaN(fraction) || fraction < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(100.0, fraction * 100.0));
    }
}
