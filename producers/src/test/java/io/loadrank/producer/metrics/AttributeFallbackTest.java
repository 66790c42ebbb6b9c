package io.loadrank.producer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeFallbackTest {

    @Test
    void takes_the_first_name_present() {
        assertThat(AttributeFallback.first(Map.of("SystemCpuLoad", 0.2, "CpuLoad", 0.3), "CpuLoad", "SystemCpuLoad"))
                .isEqualTo(0.3);
        assertThat(AttributeFallback.first(Map.of("SystemCpuLoad", 0.2), "CpuLoad", "SystemCpuLoad"))
                .isEqualTo(0.2);
    }

    @Test
    void skips_a_name_whose_value_is_null_and_gives_null_when_none_is_present() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("CpuLoad", null);
        assertThat(AttributeFallback.first(attributes, "CpuLoad", "SystemCpuLoad"))
                .isNull();
        attributes.put("SystemCpuLoad", 0.7);
        assertThat(AttributeFallback.first(attributes, "CpuLoad", "SystemCpuLoad"))
                .isEqualTo(0.7);
    }
}
