package io.loadrank.topology;

import io.loadrank.testing.ReadmeSettingsTable;
import org.junit.jupiter.api.Test;

/** The table of topology.yaml keys in docs/CONFIGURATION.md is the one definition of each key (LoadRankSettings.ALL), rendered. */
class TopologySettingsReadmeTest {

    @Test
    void givenTheSettingsDefinitions_whenTheReadmeTableIsCompared_thenItListsEveryKeyWithItsDefaultAndMeaning() {
        ReadmeSettingsTable.assertDocuments("topology", LoadRankSettings.ALL);
    }
}
