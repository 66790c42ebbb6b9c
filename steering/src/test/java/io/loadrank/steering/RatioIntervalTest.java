package io.loadrank.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatioIntervalTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                // ratios; median; low; high
                "0.5 0.5 0.5; 0.5; 0.5; 0.5",
                // logs 0, ln 2, ln 4: mean ln 2, sd ln 2, t(2) 4.303: exp(ln 2 ± 4.303 ln 2 / sqrt 3)
                "1 2 4; 2; 0.35745; 11.190",
                "4 1 2; 2; 0.35745; 11.190",
                // two runs: t(1) 12.706, sd of (ln 1, ln 4) = ln 4 / sqrt 2
                "1 4; 2.5; 0.00029932; 13363.4",
                // an even count: the middle two averaged; the interval from t(3) 3.182
                "0.4 0.5 0.5 0.6; 0.5; 0.38008; 0.64447",
                // not a ratio (NaN, 0, negative): left out
                "0.5 NaN 0 -1 0.5 0.5; 0.5; 0.5; 0.5",
            })
    void given_per_run_ratios_when_summed_up_then_median_and_95_percent_interval_of_the_log_ratio(
            String ratios, double median, double low, double high) {
        double[] values = Arrays.stream(ratios.split(" "))
                .mapToDouble(Double::parseDouble)
                .toArray();

        RatioInterval interval = RatioInterval.of(values);

        assertThat(interval.median()).isCloseTo(median, within(1e-9));
        assertThat(interval.low()).isCloseTo(low, within(Math.max(1e-3 * low, 1e-7)));
        assertThat(interval.high()).isCloseTo(high, within(1e-3 * high));
    }

    @ParameterizedTest
    @CsvSource({"1, 12.706", "4, 2.776", "30, 2.042", "31, 1.96", "1000, 1.96"})
    void given_degrees_of_freedom_then_students_t_at_97_5_percent(int df, double t) {
        assertThat(RatioInterval.t975(df)).isEqualTo(t);
    }

    @org.junit.jupiter.api.Test
    void given_one_run_then_a_median_and_no_interval() {
        RatioInterval interval = RatioInterval.of(0.4);

        assertThat(interval.median()).isEqualTo(0.4);
        assertThat(interval.low()).isNaN();
        assertThat(interval.below(1)).isFalse();
    }
}
