package io.loadrank.cli;

import io.loadrank.config.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options of a program whose configuration keys are {@link Setting}s: one {@code --KEY VALUE} (or
 * {@code --KEY=VALUE}) per setting, so that the keys, their defaults and their help are defined once, in the
 * settings. Values stay strings here: each setting checks its own when the program reads it.
 */
public final class SettingOptions {

    /** What an option's value is called in the help. */
    private static final String VALUE = "VALUE";

    private SettingOptions() {}

    /**
     * Adds an option per setting to {@code commandLine} (one made by {@link Cli#commandLine}), described with
     * the setting's description and the default {@code shownDefault} gives. There is no picocli default: a
     * setting not on the command line stays absent, so that a file's value or the setting's own default
     * applies.
     */
    public static void add(
            CommandLine commandLine, List<? extends Setting<?>> settings, Function<Setting<?>, String> shownDefault) {
        for (Setting<?> setting : settings) {
            commandLine
                    .getCommandSpec()
                    .addOption(OptionSpec.builder("--" + setting.key())
                            .paramLabel(VALUE)
                            .type(String.class)
                            .description(setting.description() + " (default: " + shownDefault.apply(setting) + ")")
                            .build());
        }
    }

    /** The settings given on the parsed {@code commandLine}, key to value, in the order of {@code settings}. */
    public static Map<String, String> given(CommandLine commandLine, List<? extends Setting<?>> settings) {
        ParseResult parsed = commandLine.getParseResult();
        Map<String, String> given = new LinkedHashMap<>();
        for (Setting<?> setting : settings) {
            String name = "--" + setting.key();
            if (parsed.hasMatchedOption(name)) {
                given.put(setting.key(), parsed.matchedOptionValue(name, ""));
            }
        }
        return given;
    }
}
