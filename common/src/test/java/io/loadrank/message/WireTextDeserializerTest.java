package io.loadrank.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Record values that are not UTF-8 are malformed as such, not as whatever their replacement characters look like. */
class WireTextDeserializerTest {

    private final WireTextDeserializer deserializer = new WireTextDeserializer();

    private static MalformedReason reasonOf(String text) {
        ParseResult result = WireFormat.parse(text, 1);
        return result instanceof ParseResult.Malformed malformed ? malformed.reason() : null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"80", "c3", "ff fe", "41 2c 36 80", "41 80 2c 36", "41 2c 36 2c ed a0 80"})
    void givenBytesThatAreNotUtf8_whenDeserializedAndParsed_thenTheyAreNotText(String hex) {
        String[] parts = hex.split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }

        assertThat(reasonOf(deserializer.deserialize("t", bytes))).isEqualTo(MalformedReason.NOT_TEXT);
    }

    @Test
    void givenValidUtf8_whenDeserialized_thenItIsTheTextAsIs() {
        for (String text :
                new String[] {"cass-1,55,1763800000000", "cass\u00e9,5", "cass\uFFFD,5", "h\uD83D\uDE00,5", ""}) {
            assertThat(deserializer.deserialize("t", text.getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(text);
        }
        assertThat(deserializer.deserialize("t", null)).isNull();
    }

    @Test
    void givenTextWithAReplacementCharacterOrAnEmoji_whenParsed_thenItIsABadHostNotNoText() {
        assertThat(reasonOf("cass\uFFFD,5")).isEqualTo(MalformedReason.BAD_HOST);
        assertThat(reasonOf("h\uD83D\uDE00,5")).isEqualTo(MalformedReason.BAD_HOST);
        assertThat(reasonOf("h\uDCFF,5")).isEqualTo(MalformedReason.NOT_TEXT);
        assertThat(reasonOf("h,5\uD83D")).isEqualTo(MalformedReason.NOT_TEXT);
    }
}
