package io.loadrank.producer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingTasksTest {

    @Test
    void sums_the_gauges_of_every_type_cassandra_uses() {
        // request pools report Integer, compaction Integer, some gauges Long
        assertThat(PendingTasks.sum(List.of(3, 0, 7L, 12))).hasValueCloseTo(22.0, within(1e-9));
    }

    @Test
    void skips_values_that_are_not_counts() {
        assertThat(PendingTasks.sum(Arrays.asList(2, null, "5", -1, 4L))).hasValueCloseTo(6.0, within(1e-9));
    }

    @Test
    void all_idle_is_zero() {
        assertThat(PendingTasks.sum(List.of(0, 0, 0))).hasValueCloseTo(0.0, within(1e-9));
    }

    @Test
    void no_gauge_read_is_no_value_rather_than_zero() {
        assertThat(PendingTasks.sum(List.of())).isEmpty();
        assertThat(PendingTasks.sum(Arrays.asList(null, "x"))).isEmpty();
    }
}
