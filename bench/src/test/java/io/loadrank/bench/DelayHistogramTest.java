package io.loadrank.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelayHistogramTest {

    @Test
    void percentiles_are_exact_to_the_millisecond() {
        DelayHistogram delays = new DelayHistogram(10_000);
        for (int ms = 1; ms <= 1000; ms++) {
            delays.record(ms);
        }

        assertThat(delays.count()).isEqualTo(1000);
        assertThat(delays.percentile(50)).isEqualTo(500);
        assertThat(delays.percentile(99)).isEqualTo(990);
        assertThat(delays.percentile(100)).isEqualTo(1000);
    }

    @Test
    void delays_beyond_the_last_bucket_count_there_and_negative_ones_count_as_zero() {
        DelayHistogram delays = new DelayHistogram(1000);
        delays.record(-5);
        delays.record(5000);

        assertThat(delays.percentile(50)).isZero();
        assertThat(delays.percentile(100)).isEqualTo(1000);
        assertThat(delays.overflow()).isEqualTo(1);
    }

    @Test
    void an_empty_histogram_has_no_percentile() {
        assertThat(new DelayHistogram(10).percentile(50)).isNaN();
    }
}
