package io.loadrank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.config.Setting;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class SettingOptionsTest {

    private static final List<Setting<?>> SETTINGS = List.of(
            Setting.integer("port", 8088, 0, 65_535, "the port"),
            Setting.text("title", "loadrank", Pattern.compile(".{1,10}"), "1-10 characters", "the title"));

    @Command(name = "sample")
    static final class Sample implements Runnable {
        @Override
        public void run() {}
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # given options made from settings, when a command line is parsed, then what it gives, and only that,
            # is given, as text, the last of a repeated one winning
            ''                                | {}
            --port 9000                       | {port=9000}
            --title=x --port 1                | {port=1, title=x}
            --port 1 --port 2                 | {port=2}
            --port=abc                        | {port=abc}
            """)
    void givenOptionsMadeFromSettings_whenParsed_thenOnlyThoseGivenAreGivenInTheSettingsOrder(
            String args, String given) {
        CommandLine commandLine = Cli.commandLine(new Sample());
        SettingOptions.add(commandLine, SETTINGS, Setting::defaultText);

        commandLine.parseArgs(args.isEmpty() ? new String[0] : args.split(" "));

        assertThat(SettingOptions.given(commandLine, SETTINGS)).hasToString(given);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"--port=VALUE the port (default: `8088`)", "--title=VALUE the title (default: `loadrank`)"})
    void givenOptionsMadeFromSettings_whenTheHelpIsShown_thenEachHasItsDescriptionAndDefault(String line) {
        CommandLine commandLine = Cli.commandLine(new Sample());
        SettingOptions.add(commandLine, SETTINGS, Setting::defaultText);

        assertThat(commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " "))
                .contains(line);
    }
}
