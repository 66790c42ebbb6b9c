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

class RankingFileWriterTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"../x", "a/b", "..", ".", "", "/tmp/x", "x/../../y", "GlobalRankings-../../x.txt", "a\\0b"})
    void givenANameThatIsNotAPlainFileNameInTheDirectory_whenWrittenOrDeleted_thenItIsRefusedAndNothingIsWritten(String name)
            throws IOException {
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

        assertThat(writer.write("GlobalRankings-eu-west.txt", out -> out.write("{A=100}\n"))).isTrue();
        assertThat(Files.readString(root.resolve("out/GlobalRankings-eu-west.txt"))).isEqualTo("{A=100}\n");
        assertThat(writer.delete("GlobalRankings-eu-west.txt")).isTrue();

        assertThat(root.resolve("out/GlobalRankings-eu-west.txt")).doesNotExist();
        assertThat(writer.refusedNames()).isZero();
    }
}
