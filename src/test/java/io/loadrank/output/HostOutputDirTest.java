package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadrank.config.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostOutputDirTest {

    @Test
    void givenNoHostSetting_whenChosen_thenTheTopologysDirectory() {
        assertThat(HostOutputDir.choose("/srv/loadrank/out", null)).isEqualTo(Path.of("/srv/loadrank/out"));
    }

    @Test
    void givenAHostSetting_whenChosen_thenTheHostsDirectoryWins() {
        assertThat(HostOutputDir.choose("/srv/loadrank/out", "/data/loadrank/../loadrank/out"))
                .isEqualTo(Path.of("/data/loadrank/out"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "relative/out", "STORM_OUTPUT"})
    void givenABlankOrRelativeHostSetting_whenChosen_thenRefusedNamingThePropertyAndWhatIsAllowed(String host) {
        assertThatThrownBy(() -> HostOutputDir.choose("/srv/loadrank/out", host))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("-Dloadrank.output.dir")
                .hasMessageContaining("an absolute directory path");
    }
}
