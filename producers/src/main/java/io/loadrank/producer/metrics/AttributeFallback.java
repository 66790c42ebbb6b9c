package io.loadrank.producer.metrics;

import java.util.Map;

/**
 * Attribute names changed between JVM generations (Java 14 renamed {@code SystemCpuLoad} to
 * {@code CpuLoad} and {@code FreePhysicalMemorySize} to {@code FreeMemorySize}); a JMX
 * {@code getAttributes} call returns only the attributes a JVM has, so the reader asks for both
 * names and takes the first one present.
 */
public final class AttributeFallback {

    private AttributeFallback() {}

    /** The value of the first of {@code names} present (and not null) in {@code attributes}, or null. */
    public static Object first(Map<String, ?> attributes, String... names) {
        for (String name : names) {
            Object value = attributes.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
