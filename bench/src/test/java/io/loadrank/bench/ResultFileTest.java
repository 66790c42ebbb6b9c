package io.loadrank.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultFileTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "512345.678912, 512345.6789",
        "2.5,           2.5",
        "3.0,           3",
        "0.00004,       0",
        "1200000,       1200000",
    })
    void numbers_are_plain_with_at_most_four_decimals(double value, String written) {
        assertThat(ResultFile.format(value)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NaN"})
    void no_figure_is_written_as_empty(double value) {
        assertThat(ResultFile.format(value)).isEmpty();
    }
}
