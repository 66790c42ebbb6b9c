package io.loadrank.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.config.Setting;
import io.loadrank.config.SettingsTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * The check behind each program's settings-table test: the table of {@value #PAGE} between
 * {@code <!-- settings:NAME -->} and {@code <!-- /settings:NAME -->} is the program's settings
 * definitions rendered by {@link SettingsTable}, so a key added, removed or re-described in the code
 * fails the build until that page says the same. The failure message shows the table to paste.
 * (README sends its readers to that page for every key.)
 */
public final class ReadmeSettingsTable {

    /** The page that holds every program's table of settings, from the repository's root. */
    public static final String PAGE = "docs/CONFIGURATION.md";

    private ReadmeSettingsTable() {}

    /** Fails unless the section {@code name} of {@link #PAGE} is {@code settings} rendered. */
    public static void assertDocuments(String name, List<? extends Setting<?>> settings) {
        String page;
        try {
            page = Files.readString(RepoPaths.root().resolve(PAGE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PAGE, e);
        }
        assertThat(SettingsTable.section(page, name))
                .as(
                        "%s between <!-- settings:%s --> and <!-- /settings:%s --> (paste the expected table)",
                        PAGE, name, name)
                .isEqualTo(SettingsTable.markdown(settings));
    }
}
