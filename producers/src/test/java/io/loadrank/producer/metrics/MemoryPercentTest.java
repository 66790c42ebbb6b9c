package io.loadrank.producer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryPercentTest {

    /** A real /proc/meminfo of a Cassandra host whose page cache fills most of the machine. */
    private static final String MEMINFO = """
            MemTotal:       16000000 kB
            MemFree:          400000 kB
            MemAvailable:    12000000 kB
            Buffers:          100000 kB
            Cached:         11000000 kB
            SwapCached:            0 kB
            Active:          6000000 kB
            HugePages_Total:       0
            Hugepagesize:       2048 kB
            """;

    @Test
    void meminfo_counts_page_cache_as_available() {
        // MemFree alone would say 97.5 % used; MemAvailable says 25 %
        assertThat(MemoryPercent.fromMemInfo(MEMINFO)).hasValueCloseTo(25.0, within(1e-9));
    }

    @Test
    void meminfo_with_tabs_and_no_trailing_newline_is_read() {
        assertThat(MemoryPercent.fromMemInfo("MemTotal:\t1000 kB\nMemAvailable:\t250 kB"))
                .hasValueCloseTo(75.0, within(1e-9));
    }

    @ParameterizedTest(name = "case {index}")
    @ValueSource(
            strings = {
                "MemTotal:       16000000 kB\nMemFree:          400000 kB\n", // kernel before 3.14: no MemAvailable
                "MemAvailable:    12000000 kB\n",
                "MemTotal:              0 kB\nMemAvailable:          0 kB\n",
                "MemTotal:    lots kB\nMemAvailable:    12 kB\n",
                ""
            })
    void meminfo_without_usable_totals_has_no_value(String meminfo) {
        assertThat(MemoryPercent.fromMemInfo(meminfo)).isEmpty();
    }

    @Test
    void mbean_uses_the_java14_names_when_present() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("FreeMemorySize", 1_000L);
        attributes.put("TotalMemorySize", 4_000L);
        attributes.put("FreePhysicalMemorySize", 3_999L); // deprecated twin, same value on a real JVM
        attributes.put("TotalPhysicalMemorySize", 4_000L);
        assertThat(MemoryPercent.fromMBeanAttributes(attributes)).hasValueCloseTo(75.0, within(1e-9));
    }

    @Test
    void mbean_falls_back_to_the_older_names() {
        Map<String, Object> attributes = Map.of("FreePhysicalMemorySize", 3_000L, "TotalPhysicalMemorySize", 4_000L);
        assertThat(MemoryPercent.fromMBeanAttributes(attributes)).hasValueCloseTo(25.0, within(1e-9));
    }

    @Test
    void mbean_without_memory_attributes_has_no_value() {
        assertThat(MemoryPercent.fromMBeanAttributes(Map.of())).isEmpty();
        assertThat(MemoryPercent.fromMBeanAttributes(Map.of("FreeMemorySize", 1L)))
                .isEmpty();
        assertThat(MemoryPercent.fromMBeanAttributes(Map.of("FreeMemorySize", "1", "TotalMemorySize", 2L)))
                .isEmpty();
    }

    @ParameterizedTest(name = "free {0} of {1} is {2} % used")
    @CsvSource({"0, 100, 100", "100, 100, 0", "25, 100, 75", "150, 100, 0"})
    void used_percent_is_within_0_and_100(long free, long total, double used) {
        assertThat(MemoryPercent.usedPercent(free, total)).hasValueCloseTo(used, within(1e-9));
    }
}
