package io.loadrank.webview;

import io.loadrank.testing.ReadmeSettingsTable;
import org.junit.jupiter.api.Test;

/** README's table of the web view's options is the one definition of each (WebViewSettings.ALL), rendered. */
class WebViewSettingsReadmeTest {

    @Test
    void givenTheSettingsDefinitions_whenTheReadmeTableIsCompared_thenItListsEveryOptionWithItsDefaultAndMeaning() {
        ReadmeSettingsTable.assertDocuments("webview", WebViewSettings.ALL);
    }
}
