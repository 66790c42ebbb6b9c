package io.loadrank.webview;

import io.loadrank.testing.ReadmeSettingsTable;
import org.junit.jupiter.api.Test;

/** The table of the web view's options in docs/CONFIGURATION.md is the one definition of each (WebViewSettings.ALL), rendered. */
class WebViewSettingsReadmeTest {

    @Test
    void givenTheSettingsDefinitions_whenTheReadmeTableIsCompared_thenItListsEveryOptionWithItsDefaultAndMeaning() {
        ReadmeSettingsTable.assertDocuments("webview", WebViewSettings.ALL);
    }
}
