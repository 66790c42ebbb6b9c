package io.loadrank.config;

import java.util.List;

/**
 * The Markdown table of a program's settings, rendered from their one definition. docs/CONFIGURATION.md
 * holds each program's table between {@code <!-- settings:NAME -->} and {@code <!-- /settings:NAME -->};
 * each program has a test that fails, printing the table to paste, when the two differ.
 */
public final class SettingsTable {

    private SettingsTable() {}

    /** The table: a header, then one row per setting, in the given order. */
    public static String markdown(List<? extends Setting<?>> settings) {
        StringBuilder table = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
        for (Setting<?> setting : settings) {
            table.append("| `")
                    .append(setting.key())
                    .append("` | ")
                    .append(setting.defaultText())
                    .append(" | ")
                    .append(setting.description())
                    .append(" |\n");
        }
        return table.toString();
    }

    /**
     * The text between the markers for {@code name} in {@code page}, or null when the markers are missing.
     */
    public static String section(String page, String name) {
        String start = "<!-- settings:" + name + " -->\n";
        String end = "<!-- /settings:" + name + " -->";
        int from = page.indexOf(start);
        int to = page.indexOf(end);
        if (from < 0 || to < from) {
            return null;
        }
        return page.substring(from + start.length(), to);
    }
}
