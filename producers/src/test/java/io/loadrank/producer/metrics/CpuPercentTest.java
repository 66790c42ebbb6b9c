package io.loadrank.producer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CpuPercentTest {

    @ParameterizedTest(name = "load {0} is {1} %")
    @CsvSource({"0.0, 0", "0.25, 25", "0.5, 50", "1.0, 100", "1.0000001, 100", "0.123456, 12.3456"})
    void is_the_load_fraction_times_100_capped_at_100(double load, double percent) {
        assertThat(CpuPercent.fromLoad(load)).hasValueCloseTo(percent, within(1e-9));
    }

    @ParameterizedTest(name = "load {0} has no value")
    @ValueSource(doubles = {-1.0, -0.5, Double.NaN})
    void has_no_value_when_the_jvm_cannot_tell_the_load_yet(double load) {
        assertThat(CpuPercent.fromLoad(load)).isEmpty();
    }

    @ParameterizedTest(name = "case {index}")
    @ValueSource(strings = {"0.5", ""})
    void has_no_value_for_an_attribute_that_is_not_a_number(String notANumber) {
        assertThat(CpuPercent.fromLoad(notANumber)).isEmpty();
        assertThat(CpuPercent.fromLoad(null)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void accepts_every_numeric_attribute_type() {
        assertThat(CpuPercent.fromLoad(0.5f)).hasValueCloseTo(50.0, within(1e-6));
        assertThat(CpuPercent.fromLoad(1)).hasValueCloseTo(100.0, within(1e-9));
    }
}
