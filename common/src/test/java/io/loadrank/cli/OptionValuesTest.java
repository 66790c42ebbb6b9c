package io.loadrank.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionValuesTest {

    @ParameterizedTest(name = "{0} in [{1}, {2}]")
    @CsvSource({"' 5 ', 1, 10, 5", "1, 1, 10, 1", "10, 1, 10, 10", "-7, -9223372036854775808, 9223372036854775807, -7"})
    void givenAWholeNumberInRange_whenChecked_thenItIsReturned(String text, long min, long max, long expected) {
        assertThat(OptionValues.wholeNumber("--n", text, min, max)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "0    | 1 | 10                  | --n = '0'; allowed: a whole number from 1 to 10",
                "11   | 1 | 10                  | --n = '11'; allowed: a whole number from 1 to 10",
                "1.5  | 1 | 10                  | --n = '1.5'; allowed: a whole number from 1 to 10",
                "-1   | 0 | 9223372036854775807 | --n = '-1'; allowed: a whole number from 0",
            })
    void givenAValueOutOfRange_whenChecked_thenTheMessageNamesOptionValueAndRange(
            String text, long min, long max, String message) {
        assertThatThrownBy(() -> OptionValues.wholeNumber("--n", text, min, max))
                .isInstanceOf(UsageException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a, true", "b, true", "A, false", "c, false"})
    void givenAValue_whenCheckedAgainstAList_thenOnlyListedValuesPass(String value, boolean allowed) {
        if (allowed) {
            assertThat(OptionValues.oneOf("--x", value, List.of("a", "b"))).isEqualTo(value);
        } else {
            assertThatThrownBy(() -> OptionValues.oneOf("--x", value, List.of("a", "b")))
                    .hasMessage("--x = '" + value + "'; allowed: one of [a, b]");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"true, true", "on, true", "yes, true", "false, false", "off, false", "no, false"})
    void givenAnOnOffWord_whenConverted_thenItIsTheSwitchValue(String word, boolean expected) {
        assertThat(new OnOff().convert(word)).isEqualTo(expected);
    }
}
