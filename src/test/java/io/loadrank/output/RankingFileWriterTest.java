package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ranking file writer against a real directory: names refused, outages survived, temporaries swept. */
class RankingFileWriterTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"../x", "a/b", "..", ".", "", "/tmp/x", "x/../../y", "GlobalRankings-../../x.txt", "a\\0b"})
    void givenANameThatIsNotAPlainFileNameInTheDirectory_whenWrittenOrDeleted_thenItIsRefusedAndNothingIsWritten(
            String name) throws IOException {
        Path directory = Files.createDirectories(root.resolve("out"));
        Files.writeString(root.resolve("x"), "outside");
        RankingFileWriter writer = new RankingFileWriter(directory);
        String fileName = name.replace("\\0", "\0");

        boolean written = writer.write(fileName, out -> out.write("ranking"));
        boolean deleted = writer.delete(fileName);

        assertThat(written).isFalse();
        assertThat(deleted).isFalse();
        assertThat(writer.refusedNames()).isEqualTo(2);
        assertThat(Files.readString(root.resolve("x"))).isEqualTo("outside");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(root.resolve("x"));
        }
    }

    @Test
    void givenAPlainName_whenWrittenThenDeleted_thenTheFileIsThereThenGone() throws IOException {
        RankingFileWriter writer = new RankingFileWriter(root.resolve("out"));

        assertThat(writer.write("GlobalRankings-eu-west.txt", out -> out.write("{A=100}\n")))
                .isTrue();
        assertThat(Files.readString(root.resolve("out/GlobalRankings-eu-west.txt")))
                .isEqualTo("{A=100}\n");
        assertThat(writer.delete("GlobalRankings-eu-west.txt")).isTrue();

        assertThat(root.resolve("out/GlobalRankings-eu-west.txt")).doesNotExist();
        assertThat(writer.refusedNames()).isZero();
    }

    @TempDir
    Path dir;

    @Test
    void givenTheDirectoryReplacedByAFile_whenWriting_thenItFailsWithoutThrowingAndResumesOnceTheDirectoryIsBack()
            throws IOException {
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
    void givenTemporariesLeftByAKilledWriter_whenTheFileIsWrittenAgain_thenTheyAreRemovedAndOthersKept()
            throws IOException {
        Files.writeString(dir.resolve(".GlobalRankings.txt8812734.tmp"), "half a ranking");
        Files.writeString(dir.resolve(".GlobalRankings.json99.tmp"), "another file's");
        Files.writeString(dir.resolve(".GlobalRankings.txt-notours.tmp"), "not a temporary of ours");

        assertThat(new RankingFileWriter(dir).write("GlobalRankings.txt", out -> out.write("{A=1}\n")))
                .isTrue();

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(
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
                }))
                .isFalse();

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("t.json");
        }
        assertThat(Files.readString(dir.resolve("t.json"))).isEqualTo("old");
    }
}
