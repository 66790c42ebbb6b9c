package io.loadrank.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WireFormatTest {

    private static final long RECORD_TIME = 1_763_800_000_000L;

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}, {2}, {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "cass-eu-1.example.org,55                | cass-eu-1.example.org | 55       | 1763800000000",
                "cass-eu-1.example.org,55.25,1763800000123 | cass-eu-1.example.org | 55.25  | 1763800000123",
                "A,0                                     | A                     | 0        | 1763800000000",
                "'2001:db8::1,12.5'                      | 2001:db8::1           | 12.5     | 1763800000000",
                "host_1,0.001                            | host_1                | 0.001    | 1763800000000",
                "h,007.50                                | h                     | 7.5      | 1763800000000",
                "h,123456789012345678901234.5            | h                     | 123456789012345678901234.5 | 1763800000000",
            })
    void givenAWellFormedMessage_whenParsed_thenItYieldsTheSample(
            String message, String host, double value, long timestamp) {
        ParseResult result = WireFormat.parse(message, RECORD_TIME);

        assertThat(result).isEqualTo(new ParseResult.Valid(new Sample(host, value, timestamp)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedMessages")
    void givenAMalformedMessage_whenParsed_thenItIsRejectedWithItsReason(String message, MalformedReason reason) {
        ParseResult result = WireFormat.parse(message, RECORD_TIME);

        assertThat(result).isInstanceOf(ParseResult.Malformed.class);
        assertThat(((ParseResult.Malformed) result).reason()).isEqualTo(reason);
    }

    static Object[][] malformedMessages() {
        return new Object[][] {
            {null, MalformedReason.NOT_TEXT},
            {"", MalformedReason.EMPTY},
            {"  \r\n", MalformedReason.EMPTY},
            {"x".repeat(WireFormat.MAX_MESSAGE_CHARS + 1), MalformedReason.OVERSIZED},
            {"cass-1", MalformedReason.WRONG_FIELD_COUNT},
            {"cass-1,1,2,3", MalformedReason.WRONG_FIELD_COUNT},
            {",55", MalformedReason.BAD_HOST},
            {"cass 1,55", MalformedReason.BAD_HOST},
            {"cass|1,55", MalformedReason.BAD_HOST},
            {"\"cass\",55", MalformedReason.BAD_HOST},
            {"cass\u0000,55", MalformedReason.BAD_HOST},
            {"cass\u00e9,55", MalformedReason.BAD_HOST},
            {"h".repeat(WireFormat.MAX_HOST_CHARS + 1) + ",55", MalformedReason.BAD_HOST},
            {"cass-1,", MalformedReason.BAD_NUMBER},
            {"cass-1,abc", MalformedReason.BAD_NUMBER},
            {"cass-1,1e5", MalformedReason.BAD_NUMBER},
            {"cass-1,1.", MalformedReason.BAD_NUMBER},
            {"cass-1,.5", MalformedReason.BAD_NUMBER},
            {"cass-1,1.2.3", MalformedReason.BAD_NUMBER},
            {"cass-1,0x1F", MalformedReason.BAD_NUMBER},
            {"cass-1,NaN", MalformedReason.NOT_FINITE},
            {"cass-1,Infinity", MalformedReason.NOT_FINITE},
            {"cass-1,-Infinity", MalformedReason.NOT_FINITE},
            {"cass-1," + "9".repeat(400), MalformedReason.NOT_FINITE},
            {"cass-1,-1", MalformedReason.NEGATIVE},
            {"cass-1,-0.5", MalformedReason.NEGATIVE},
            {"cass-1,5,", MalformedReason.BAD_TIMESTAMP},
            {"cass-1,5,yesterday", MalformedReason.BAD_TIMESTAMP},
            {"cass-1,5,-1763800000000", MalformedReason.BAD_TIMESTAMP},
            {"cass-1,5,0", MalformedReason.BAD_TIMESTAMP},
            {"cass-1,5,99999999999999999999", MalformedReason.BAD_TIMESTAMP},
        };
    }

    @Test
    void givenALineEndingAroundTheMessage_whenParsed_thenItIsIgnored() {
        ParseResult result = WireFormat.parse(" cass-1,5\r\n", RECORD_TIME);

        assertThat(result).isEqualTo(new ParseResult.Valid(new Sample("cass-1", 5, RECORD_TIME)));
    }

    @Test
    void givenHostileText_whenRejected_thenTheDetailHasNoControlCharacters() {
        ParseResult result = WireFormat.parse("evil\nFAKE LOG LINE,5", RECORD_TIME);

        assertThat(((ParseResult.Malformed) result).detail())
                .doesNotContain("\n")
                .contains("\\u000a");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "0, 0",
        "55, 55",
        "55.25, 55.25",
        "0.000001, 0.000001",
        "0.0000004, 0",
        "12.0500, 12.05",
        "99.9999999, 100",
        "123456789.125, 123456789.125",
        "1e15, 1000000000000000",
    })
    void givenAValue_whenEncoded_thenItIsAPlainDecimal(double value, String expected) {
        StringBuilder out = new StringBuilder();

        WireFormat.appendValue(out, value);

        assertThat(out).hasToString(expected);
    }

    @Test
    void givenASample_whenEncodedAndParsed_thenItComesBackTheSame() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            double value = Math.round(random.nextDouble() * 1e8) / 1e4;
            Sample sample = new Sample("cass-" + i, value, RECORD_TIME + i);

            ParseResult result = WireFormat.parse(WireFormat.encode(sample), 1);

            assertThat(result).isEqualTo(new ParseResult.Valid(sample));
        }
    }

    @Test
    void givenValuesNoProducerMayWrite_whenEncoded_thenTheEncoderRefuses() {
        assertThatThrownBy(() -> WireFormat.encode("cass,1", 1, RECORD_TIME))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireFormat.encode("cass-1", -1, RECORD_TIME))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireFormat.encode("cass-1", Double.NaN, RECORD_TIME))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireFormat.encode("cass-1", Double.POSITIVE_INFINITY, RECORD_TIME))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireFormat.encode("cass-1", 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenReasons_whenLabelled_thenLabelsAreCamelCase() {
        assertThat(MalformedReason.WRONG_FIELD_COUNT.label()).isEqualTo("wrongFieldCount");
        assertThat(MalformedReason.EMPTY.label()).isEqualTo("empty");
    }
}
