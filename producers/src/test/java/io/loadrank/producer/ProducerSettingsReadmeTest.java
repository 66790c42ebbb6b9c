package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.config.SettingsTable;
import io.loadrank.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** README's table of producer keys is the one definition of each key (ProducerSettings.ALL), rendered. */
class ProducerSettingsReadmeTest {

    @Test
    void givenTheSettingsDefinitions_whenTheReadmeTableIsCompared_thenItListsEveryKeyWithItsDefaultAndMeaning()
            throws IOException {
        String readme = Files.readString(RepoPaths.root().resolve("README.md"), StandardCharsets.UTF_8);

        String documented = SettingsTable.section(readme, "producer");

        assertThat(documented)
                .as(
                        "README.md between <!-- settings:producer --> and <!-- /settings:producer --> (paste the expected table)")
                .isEqualTo(SettingsTable.markdown(ProducerSettings.ALL));
    }
}
