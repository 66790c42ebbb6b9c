package io.loadrank.webview;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.config.SettingsTable;
import io.loadrank.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** README's table of the web view's options is the one definition of each (WebViewSettings.ALL), rendered. */
class WebViewSettingsReadmeTest {

    @Test
    void givenTheSettingsDefinitions_whenTheReadmeTableIsCompared_thenItListsEveryOptionWithItsDefaultAndMeaning()
            throws IOException {
        String readme = Files.readString(RepoPaths.root().resolve("README.md"), StandardCharsets.UTF_8);

        assertThat(SettingsTable.section(readme, "webview"))
                .as(
                        "README.md between <!-- settings:webview --> and <!-- /settings:webview --> (paste the expected table)")
                .isEqualTo(SettingsTable.markdown(WebViewSettings.ALL));
    }
}
