package io.loadrank.producer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.loadrank.metric.Metric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleCalculatorTest {

    @Test
    void turns_two_polls_of_readings_into_the_five_metrics() {
        // given
        SampleCalculator calculator = new SampleCalculator(true);
        poll(calculator, 0.10, 1_000, 4_000, List.of(0, 1), new LatencyCounters(1_000, 10), new LatencyCounters(0, 0));

        // when
        poll(
                calculator,
                0.42,
                3_000,
                4_000,
                List.of(2, 3, 5),
                new LatencyCounters(5_000, 20),
                new LatencyCounters(900, 3));

        // then
        assertThat(calculator.values())
                .containsOnly(
                        entry(Metric.CPU_LOAD, 42.0),
                        entry(Metric.MEM_LOAD, 25.0),
                        entry(Metric.PENDING_TASKS, 10.0),
                        entry(Metric.READ_LATENCY, 400.0),
                        entry(Metric.WRITE_LATENCY, 300.0));
    }

    @Test
    void the_first_poll_has_no_latency_yet() {
        SampleCalculator calculator = new SampleCalculator(true);
        poll(calculator, 0.10, 1_000, 4_000, List.of(0), new LatencyCounters(1_000, 10), new LatencyCounters(0, 0));
        assertThat(calculator.values()).containsOnlyKeys(Metric.CPU_LOAD, Metric.MEM_LOAD, Metric.PENDING_TASKS);
    }

    @Test
    void ignores_mbean_memory_when_memory_comes_from_meminfo() {
        SampleCalculator calculator = new SampleCalculator(false);
        calculator.begin();
        calculator.osMemory(Map.of("FreeMemorySize", 1L, "TotalMemorySize", 2L));
        assertThat(calculator.values()).isEmpty();
    }

    @Test
    void a_poll_that_read_nothing_has_no_values_not_the_previous_ones() {
        // given
        SampleCalculator calculator = new SampleCalculator(true);
        poll(calculator, 0.10, 1_000, 4_000, List.of(0), new LatencyCounters(1_000, 10), new LatencyCounters(0, 0));

        // when
        calculator.begin();

        // then
        assertThat(calculator.values()).isEmpty();
    }

    private static void poll(
            SampleCalculator calculator,
            double cpu,
            long free,
            long total,
            List<Integer> pending,
            LatencyCounters read,
            LatencyCounters write) {
        calculator.begin();
        calculator.cpuLoad(cpu);
        calculator.osMemory(Map.of("FreeMemorySize", free, "TotalMemorySize", total));
        calculator.pendingTasks(pending);
        calculator.latency(Metric.READ_LATENCY, read);
        calculator.latency(Metric.WRITE_LATENCY, write);
    }
}
