package io.loadrank.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BootstrapServersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "127.0.0.1:9092                | true",
                "kafka-1:9092,kafka-2:9092     | true",
                "' kafka-1:9092 , kafka-2:9092 '| true",
                "[::1]:9092                    | true",
                "kafka-1                       | false",
                "kafka-1:                      | false",
                "kafka-1:123456                | false",
                "kafka-1:9092,                 | false",
                "kafka 1:9092                  | false",
                "''                            | false",
            })
    void givenAValue_whenChecked_thenOnlyHostPortListsAreValid(String value, boolean valid) {
        assertThat(BootstrapServers.isValid(value)).isEqualTo(valid);
    }
}
