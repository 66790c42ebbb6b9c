package io.loadrank.producer.metrics;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Physical memory in use, in percent (docs/PRODUCER.md), from either of two sources:
 * <ul>
 *   <li>{@code /proc/meminfo} on the database host: {@code 1 - MemAvailable / MemTotal}. The
 *       kernel counts reclaimable page cache as available, so a Cassandra node whose page cache
 *       fills the machine (which it always does) is not reported as 99 % full.</li>
 *   <li>the Cassandra JVM's OperatingSystem MBean: {@code 1 - FreeMemorySize / TotalMemorySize}
 *       (before Java 14: {@code FreePhysicalMemorySize / TotalPhysicalMemorySize}). "Free"
 *       excludes the page cache, so this over-reports; it is the fallback when the producer
 *       cannot read the host's /proc/meminfo (another host, not Linux).</li>
 * </ul>
 */
public final class MemoryPercent {

    /** The OperatingSystem attributes to ask for in one call: both generations of names. */
    public static final String[] MBEAN_ATTRIBUTES = {
        "FreeMemorySize", "TotalMemorySize", "FreePhysicalMemorySize", "TotalPhysicalMemorySize"
    };

    private MemoryPercent() {}

    /**
     * Parses the text of /proc/meminfo ({@code MemTotal:  16318208 kB} lines).
     *
     * @return empty when MemTotal or MemAvailable (kernels before 3.14) is missing or not a number
     */
    public static OptionalDouble fromMemInfo(CharSequence meminfo) {
        long total = -1;
        long available = -1;
        int lineStart = 0;
        int length = meminfo.length();
        while (lineStart < length) {
            int lineEnd = lineStart;
            while (lineEnd < length && meminfo.charAt(lineEnd) != '\n') {
                lineEnd++;
            }
            String line = meminfo.subSequence(lineStart, lineEnd).toString();
            if (line.startsWith("MemTotal:")) {
                total = kilobytes(line);
            } else if (line.startsWith("MemAvailable:")) {
                available = kilobytes(line);
            }
            lineStart = lineEnd + 1;
        }
        return usedPercent(available, total);
    }

    /**
     * From the attributes the OperatingSystem MBean returned for {@link #MBEAN_ATTRIBUTES}
     * (a JVM returns only the names it has): the Java 14+ names when present, else the older ones.
     */
    public static OptionalDouble fromMBeanAttributes(Map<String, ?> attributes) {
        Object free = AttributeFallback.first(attributes, "FreeMemorySize", "FreePhysicalMemorySize");
        Object total = AttributeFallback.first(attributes, "TotalMemorySize", "TotalPhysicalMemorySize");
        if (!(free instanceof Number f) || !(total instanceof Number t)) {
            return OptionalDouble.empty();
        }
        return usedPercent(f.longValue(), t.longValue());
    }

    static OptionalDouble usedPercent(long free, long total) {
        if (total <= 0 || free < 0) {
            return OptionalDouble.empty();
        }
        double used = 100.0 * (1.0 - (double) Math.min(free, total) / total);
        return OptionalDouble.of(used);
    }

    /** The number in a {@code Key:   1234 kB} line; -1 if there is none. */
    private static long kilobytes(String line) {
        int i = line.indexOf(':') + 1;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        int start = i;
        while (i < line.length() && Character.isDigit(line.charAt(i))) {
            i++;
        }
        if (start == i || i - start > 18) {
            return -1;
        }
        return Long.parseLong(line, start, i, 10);
    }
}
