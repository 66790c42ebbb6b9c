package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ranking file writer against a real directory that stops being one. */
class RankingFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void givenTheDirectoryReplacedByAFile_whenWriting_thenItFailsWithoutThrowingAndResumesOnceTheDirectoryIsBack() throws IOException {
        Path output = dir.resolve("out");
        RankingFileWriter writer = new RankingFileWriter(output);
        assertThat(writer.write("a.txt", out -> out.write("one"))).isTrue();
        Files.move(output, dir.resolve("away"));
        Files.writeString(output, "a file");

        assertThat(writer.write("a.txt", out -> out.write("two"))).isFalse();
        assertThat(writer.write("a.txt", out -> out.write("three"))).isFalse();

        Files.delete(output);
        assertThat(writer.write("a.txt", out -> out.write("four"))).isTrue();
        assertThat(Files.readString(output.resolve("a.txt"))).isEqualTo("four");
        assertThat(writer.failedWrites()).isEqualTo(2);
    }

    @Test
    void givenTemporariesLeftByAKilledWriter_whenTheFileIsWrittenAgain_thenTheyAreRemovedAndOthersKept() throws IOException {
        Files.writeString(dir.resolve(".GlobalRankings.txt8812734.tmp"), "half a ranking");
        Files.writeString(dir.resolve(".GlobalRankings.json99.tmp"), "another file's");
        Files.writeString(dir.resolve(".GlobalRankings.txt-notours.tmp"), "not a temporary of ours");

        assertThat(new RankingFileWriter(dir).write("GlobalRankings.txt", out -> out.write("{A=1}\n"))).isTrue();

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder(
                    "GlobalRankings.txt", ".GlobalRankings.json99.tmp", ".GlobalRankings.txt-notours.tmp");
        }
    }

    @Test
    void givenAContentThatFails_whenWriting_thenNoTemporaryIsLeftAndTheOldFileStays() throws IOException {
        RankingFileWriter writer = new RankingFileWriter(dir);
        writer.write("t.json", out -> out.write("old"));

        assertThat(writer.write("t.json", out -> {
            out.write("half");
            throw new IOException("disk full");
        })).isFalse();

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("t.json");
        }
        assertThat(Files.readString(dir.resolve("t.json"))).isEqualTo("old");
    }
}
