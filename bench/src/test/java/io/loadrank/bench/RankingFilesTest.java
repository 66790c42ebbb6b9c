package io.loadrank.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingFilesTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_file_has_no_version_and_a_rewritten_one_has_a_new_version() throws IOException {
        Path file = dir.resolve("x.json");
        assertThat(RankingFiles.version(file)).isNull();
        assertThat(RankingFiles.open(file)).isNull();

        Files.writeString(file, "{}");
        RankingFiles.Version first = RankingFiles.version(file);
        Path temporary = dir.resolve("x.json.tmp");
        Files.writeString(temporary, "{}");
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        assertThat(RankingFiles.version(file)).isNotEqualTo(first);
    }
}
