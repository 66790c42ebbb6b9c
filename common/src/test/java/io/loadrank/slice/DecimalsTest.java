package io.loadrank.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalsTest {

    @ParameterizedTest(name = "{0} to {1} significant digits is {2}")
    @CsvSource({
        "41.111111111111114, 4, 41.11",
        "0.0008333411,       4, 0.0008333",
        "123456.7,           4, 123457",
        "60.0,               5, 60",
        "55.25,              5, 55.25",
        "0,                  4, 0",
        "9.99996,            4, 10",
        "1.0E-7,             4, 0.0000001",
        "-2.5,               2, -2.5",
        "100,                4, 100",
    })
    void givenAValue_whenWrittenToSignificantDigits_thenItKeepsThoseDigitsInPlainNotation(
            double value, int digits, String expected) {
        assertThat(Decimals.significant(value, digits)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with {1} decimals is {2}")
    @CsvSource({
        "41.1,     0, 41",
        "36.5,     0, 37",
        "0.00833,  5, 0.00833",
        "0.008334, 5, 0.00833",
        "0.5,      3, 0.5",
        "0.0004,   3, 0",
        "12.345,   2, 12.35",
    })
    void givenAValue_whenWrittenWithFixedDecimals_thenItIsRoundedHalfUpWithoutTrailingZeros(
            double value, int decimals, String expected) {
        assertThat(Decimals.fixed(value, decimals)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "3 digits of a mean of {0} need {1} decimals")
    @CsvSource({
        "41.1,       1",
        "1.0,        2",
        "0.5,        3",
        "0.00833333, 5",
        "0.001,      5",
        "0,          0",
    })
    void givenATypicalValue_whenAskedForDecimals_thenTheyShowThreeSignificantDigitsOfIt(double typical, int decimals) {
        assertThat(Decimals.decimalsFor(typical, 3)).isEqualTo(decimals);
    }

    @ParameterizedTest
    @CsvSource({"NaN", "Infinity", "-Infinity"})
    void givenANumberThatIsNotFinite_whenWritten_thenItIsRefused(double value) {
        assertThatThrownBy(() -> Decimals.significant(value, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
