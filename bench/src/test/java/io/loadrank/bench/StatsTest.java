package io.loadrank.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatsTest {

    @Test
    void the_median_is_the_middle_value_or_the_mean_of_the_two_middle_values() {
        assertThat(Stats.median(3, 1, 2)).isEqualTo(2);
        assertThat(Stats.median(4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(Stats.median(7)).isEqualTo(7);
    }

    @Test
    void missing_figures_are_left_out_and_none_at_all_gives_no_figure() {
        assertThat(Stats.median(Double.NaN, 5, 1)).isEqualTo(3);
        assertThat(Stats.median()).isNaN();
        assertThat(Stats.median(Double.NaN)).isNaN();
        assertThat(Stats.percentile(99)).isNaN();
    }

    @ParameterizedTest(name = "p{0} of 1..{1} = {2}")
    @CsvSource({
        "50,   10,  5",
        "50,   11,  6",
        "99,   30,  30",
        "99,   100, 99",
        "99,   1000, 990",
        "100,  30,  30",
        "1,    30,  1",
    })
    void percentiles_are_nearest_rank_never_interpolated(double percent, int count, double expected) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[count - 1 - i] = i + 1; // given in descending order: the percentile sorts
        }

        assertThat(Stats.percentile(percent, values)).isEqualTo(expected);
    }

    @Test
    void a_percentile_outside_0_to_100_is_refused() {
        assertThatThrownBy(() -> Stats.percentile(0, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(101, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_spread_over_runs_is_the_median_and_min_max_of_the_runs_that_gave_a_figure() {
        Stats.Spread spread = Stats.Spread.of(510_000, Double.NaN, 480_000, 530_000);

        assertThat(spread).isEqualTo(new Stats.Spread(510_000, 480_000, 530_000, 3));
        assertThat(Stats.Spread.of(Double.NaN).isEmpty()).isTrue();
    }
}
