package io.loadrank.producer;

import io.loadrank.testing.ReadmeSettingsTable;
import org.junit.jupiter.api.Test;

/** README's table of producer keys is the one definition of each key (ProducerSettings.ALL), rendered. */
class ProducerSettingsReadmeTest {

    @Test
    void givenTheSettingsDefinitions_whenTheReadmeTableIsCompared_thenItListsEveryKeyWithItsDefaultAndMeaning() {
        ReadmeSettingsTable.assertDocuments("producer", ProducerSettings.ALL);
    }
}
