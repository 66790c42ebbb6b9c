package io.loadrank.webview;

import io.loadrank.cli.Cli;
import io.loadrank.cli.LoadrankVersion;
import io.loadrank.cli.SettingOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The web view's command line: one option per setting of {@link WebViewSettings#ALL} ({@code --KEY VALUE} or
 * {@code --KEY=VALUE}), so that the keys, their defaults and their help are defined once, read with
 * {@link Cli}'s conventions like every loadrank program. Values are strings here; each setting checks its
 * own, and a value it refuses is bad usage (exit 2) naming the key, the value and what is allowed.
 */
@Command(
        name = "loadrank-webview",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = LoadrankVersion.class,
        usageHelpAutoWidth = true,
        customSynopsis = "java -jar loadrank-webview.jar [--KEY VALUE | --KEY=VALUE]... [--help]",
        description = {"Follows the rankings and alerts topics and serves the live page. Options and defaults:", ""},
        exitCodeList = {
            "0:stopped by SIGTERM or Ctrl-C",
            "1:cannot listen (the reason in one line)",
            "2:a bad option (naming it, the value and what is allowed)"
        })
final class WebViewCommand implements Callable<Integer> {

    private final ToIntFunction<Map<String, Object>> view;
    private CommandLine commandLine;

    /** @param view runs the view with the checked options (key to value); its exit code */
    WebViewCommand(ToIntFunction<Map<String, Object>> view) {
        this.view = view;
    }

    /** This command's command line: {@link Cli}'s conventions plus an option for every setting. */
    CommandLine commandLine() {
        if (commandLine == null) {
            commandLine = Cli.commandLine(this);
            Cli.environment(commandLine, "none read (Kafka client settings go in --kafka-config FILE)");
            // the defaults as the docs write them, without their code marks
            SettingOptions.add(
                    commandLine,
                    WebViewSettings.ALL,
                    setting -> setting.defaultText().replace("`", ""));
        }
        return commandLine;
    }

    /**
     * The settings given on the command line, after parsing, each checked.
     *
     * @throws io.loadrank.config.ConfigException naming the first key whose value is not allowed
     */
    Map<String, Object> conf() {
        Map<String, Object> conf = new LinkedHashMap<>(SettingOptions.given(commandLine(), WebViewSettings.ALL));
        WebViewSettings.ALL.forEach(setting -> setting.read(conf));
        return conf;
    }

    @Override
    public Integer call() {
        return view.applyAsInt(conf());
    }
}
