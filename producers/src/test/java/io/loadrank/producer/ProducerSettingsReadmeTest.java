package io.loadrank.producer;

import io.loadrank.testing.ReadmeSettingsTable;
import org.junit.jupiter.api.Test;

/** The table of producer keys in docs/CONFIGURATION.md is the one definition of each key (ProducerSettings.ALL), rendered. */
class ProducerSettingsReadmeTest {

    @Test
    void givenTheSettingsDefinitions_whenTheReadmeTableIsCompared_thenItListsEveryKeyWithItsDefaultAndMeaning() {
        ReadmeSettingsTable.assertDocuments("producer", ProducerSettings.ALL);
    }
}
