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
 * The check behind each program's README-table test: README's table between
 * {@code <!-- settings:NAME -->} and {@code <!-- /settings:NAME -->} is the program's settings
 * definitions rendered by {@link SettingsTable}, so a key added, removed or re-described in the code
 * fails the build until README says the same. The failure message shows the table to paste.
 */
public final class ReadmeSettingsTable {

    private ReadmeSettingsTable() {}

    /** Fails unless README's section {@code name} is {@code settings} rendered. */
    public static void assertDocuments(String name, List<? extends Setting<?>> settings) {
        String readme;
        try {
            readme = Files.readString(RepoPaths.root().resolve("README.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read README.md", e);
        }
        assertThat(SettingsTable.section(readme, name))
                .as(
                        "README.md between <!-- settings:%s --> and <!-- /settings:%s --> (paste the expected table)",
                        name, name)
                .isEqualTo(SettingsTable.markdown(settings));
    }
}
