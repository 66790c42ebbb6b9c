package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockWriterTest {

    @ParameterizedTest(name = "[{index}] pieces up to {0} chars")
    @ValueSource(ints = {1, 7, 1000, 65_535, 65_536, 200_000})
    void givenPiecesOfAnySize_whenWritten_thenTheTargetGetsExactlyTheSameText(int maxPiece) throws Exception {
        Random random = new Random(maxPiece);
        StringBuilder expected = new StringBuilder();
        StringWriter target = new StringWriter();
        BlockWriter writer = new BlockWriter(target);

        for (int i = 0; i < 50; i++) {
            int length = 1 + random.nextInt(maxPiece);
            StringBuilder piece = new StringBuilder(length);
            for (int c = 0; c < length; c++) {
                piece.append((char) ('a' + random.nextInt(26)));
            }
            String text = piece.toString();
            switch (i % 3) {
                case 0 -> writer.write(text);
                case 1 -> writer.write(text.toCharArray(), 0, length);
                default -> text.chars().forEach(c -> write(writer, c));
            }
            expected.append(text);
        }
        writer.close();

        assertThat(target.toString()).isEqualTo(expected.toString());
    }

    @Test
    void givenTextNotYetFlushed_whenNotFlushed_thenTheTargetHasNothingAndFlushDeliversIt() throws Exception {
        StringWriter target = new StringWriter();
        BlockWriter writer = new BlockWriter(target);

        writer.write("pending");

        assertThat(target.toString()).isEmpty();
        writer.flush();
        assertThat(target.toString()).isEqualTo("pending");
    }

    @Test
    void givenWholeNumbersAcrossManyBlocks_whenWritten_thenEachIsItsDecimalText() throws Exception {
        long[] numbers = {0, 7, -7, 60, 1_763_800_000_000L, Long.MAX_VALUE, Long.MIN_VALUE};
        StringBuilder expected = new StringBuilder();
        StringWriter target = new StringWriter();
        BlockWriter writer = new BlockWriter(target);

        // 7 numbers and separators per round, 65 chars: 5,000 rounds fill four 64 KiB blocks
        for (int round = 0; round < 5_000; round++) {
            for (long number : numbers) {
                writer.number(number);
                writer.write('|');
                expected.append(number).append('|');
            }
        }
        writer.close();

        assertThat(target.toString()).hasSizeGreaterThan(4 * 65_536).isEqualTo(expected.toString());
    }

    private static void write(BlockWriter writer, int c) {
        try {
            writer.write(c);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
