package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.config.SettingsTable;
import io.loadrank.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** README's table of topology.yaml keys is the one definition of each key (LoadRankSettings.ALL), rendered. */
class TopologySettingsReadmeTest {

    @Test
    void givenTheSettingsDefinitions_whenTheReadmeTableIsCompared_thenItListsEveryKeyWithItsDefaultAndMeaning()
            throws IOException {
        String readme = Files.readString(RepoPaths.root().resolve("README.md"), StandardCharsets.UTF_8);

        String documented = SettingsTable.section(readme, "topology");

        assertThat(documented)
                .as(
                        "README.md between <!-- settings:topology --> and <!-- /settings:topology --> (paste the expected table)")
                .isEqualTo(SettingsTable.markdown(LoadRankSettings.ALL));
    }
}
