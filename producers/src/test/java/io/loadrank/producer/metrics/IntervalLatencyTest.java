package io.loadrank.producer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntervalLatencyTest {

    static Stream<Arguments> twoReadings() {
        return Stream.of(
                // previous total µs, previous count, current total µs, current count, expected mean µs
                Arguments.of("requests in the interval: their mean", 1_000L, 10L, 4_000L, 20L, 300.0),
                Arguments.of("one request", 0L, 0L, 750L, 1L, 750.0),
                Arguments.of("idle interval: 0, not the all-time mean", 5_000L, 10L, 5_000L, 10L, 0.0),
                Arguments.of("counters reset by a restart: mean since the restart", 900_000L, 3_000L, 600L, 3L, 200.0),
                Arguments.of("restart and still idle: 0", 900_000L, 3_000L, 0L, 0L, 0.0),
                Arguments.of(
                        "only the total went back (restart between polls with more requests): since restart",
                        900_000L,
                        3L,
                        800L,
                        4L,
                        200.0),
                Arguments.of(
                        "counts far beyond int range",
                        10_000_000_000_000L,
                        3_000_000_000L,
                        10_000_000_500_000L,
                        3_000_001_000L,
                        500.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoReadings")
    void gives_the_mean_latency_of_the_interval_between_two_readings(
            String why, long totalBefore, long countBefore, long totalNow, long countNow, double expected) {
        // given
        IntervalLatency latency = new IntervalLatency();
        latency.next(new LatencyCounters(totalBefore, countBefore));

        // when
        OptionalDouble mean = latency.next(new LatencyCounters(totalNow, countNow));

        // then
        assertThat(mean).hasValueCloseTo(expected, within(1e-9));
    }

    @Test
    void has_no_value_for_the_first_reading_because_there_is_no_interval_yet() {
        assertThat(new IntervalLatency().next(new LatencyCounters(1_000, 10))).isEmpty();
    }

    @Test
    void starts_again_from_a_new_baseline_after_reset() {
        // given
        IntervalLatency latency = new IntervalLatency();
        latency.next(new LatencyCounters(1_000, 10));
        latency.reset();

        // when / then
        assertThat(latency.next(new LatencyCounters(2_000, 12))).isEmpty();
        assertThat(latency.next(new LatencyCounters(2_600, 14))).hasValueCloseTo(300.0, within(1e-9));
    }

    @Test
    void ignores_negative_counters_and_takes_the_next_reading_as_baseline() {
        // given
        IntervalLatency latency = new IntervalLatency();
        latency.next(new LatencyCounters(1_000, 10));

        // when / then
        assertThat(latency.next(new LatencyCounters(-1, 10))).isEmpty();
        assertThat(latency.next(new LatencyCounters(2_000, 12))).isEmpty();
        assertThat(latency.next(new LatencyCounters(2_100, 13))).hasValueCloseTo(100.0, within(1e-9));
    }

    @Test
    void follows_a_sequence_of_busy_idle_and_restarted_intervals() {
        // given
        IntervalLatency latency = new IntervalLatency();
        long[][] readings = {{0, 0}, {500, 5}, {500, 5}, {2_500, 9}, {40, 2}, {40, 2}};
        double[] expected = {Double.NaN, 100, 0, 500, 20, 0};

        // when / then
        for (int i = 0; i < readings.length; i++) {
            OptionalDouble value = latency.next(new LatencyCounters(readings[i][0], readings[i][1]));
            if (Double.isNaN(expected[i])) {
                assertThat(value).as("reading %d", i).isEmpty();
            } else {
                assertThat(value).as("reading %d", i).hasValueCloseTo(expected[i], within(1e-9));
            }
        }
    }
}
