package io.loadrank.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka record values as text for {@link WireFormat#parse}, decoded as UTF-8 without hiding bytes
 * that are not UTF-8 (docs/MESSAGES.md: such a record is malformed, {@link MalformedReason#NOT_TEXT}).
 *
 * <p>Kafka's {@code StringDeserializer} replaces every undecodable byte with U+FFFD, so a record
 * that is not text at all used to be counted as a bad host or a bad number. This one replaces each
 * with the unpaired surrogate {@link #NOT_UTF8}, a char no UTF-8 decoder ever yields, which the
 * parser recognises. Valid text costs what {@code new String(bytes, UTF_8)} costs.
 */
public final class WireTextDeserializer implements Deserializer<String> {

    /** Stands in for each byte that is not part of valid UTF-8. */
    public static final char NOT_UTF8 = '\uDCFF';

    @Override
    public String deserialize(String topic, byte[] data) {
        return decode(data);
    }

    /** The text of {@code data}, with {@link #NOT_UTF8} for each byte that is not valid UTF-8; null for null. */
    public static String decode(byte[] data) {
        if (data == null) {
            return null;
        }
        String text = new String(data, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        // a U+FFFD stood in the data itself (EF BF BD), or replaced a byte that is not UTF-8
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(NOT_UTF8));
        try {
            return decoder.decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder reported a coding error", e);
        }
    }
}
