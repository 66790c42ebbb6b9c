package io.loadrank.webview;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.cli.Cli;
import io.loadrank.testing.CommandLineRun;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The web view's command line, up to the point where it would start the view. */
class WebViewCommandLineTest {

    /** What the view would have been started with. */
    private final AtomicReference<Map<String, Object>> started = new AtomicReference<>();

    /** Stands in for the view: exit code 0 with the checked options. */
    private CommandLineRun run(String... args) {
        WebViewCommand command = new WebViewCommand(conf -> {
            started.set(conf);
            return 0;
        });
        return CommandLineRun.of(command.commandLine(), args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--port 99999              | error: bad configuration: port = '99999'; allowed: a whole number from 0 to 65535",
                "--history-minutes 0       | error: bad configuration: history-minutes = '0'; allowed: a whole number from 1 to 1440",
                "--rankings-topic=a/b      | error: bad configuration: rankings-topic = 'a/b'",
                "--colour red              | error: Unknown option",
                "--port                    | error: Missing required parameter for option '--port'",
                "8088                      | error: Unmatched argument at index 0: '8088'",
            })
    void givenABadOption_whenRun_thenExit2WithOneLineNamingTheOptionTheValueAndWhatIsAllowed(
            String args, String error) {
        CommandLineRun run = run(args.split(" "));

        assertThat(run.exitCode()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith(error);
        assertThat(run.errLines().get(1)).isEqualTo("try --help");
        assertThat(started.get()).as("the view does not start").isNull();
    }

    @Test
    void givenNoOptions_whenRun_thenTheDefaultsBindLoopbackOnPort8088() {
        CommandLineRun run = run();

        assertThat(run.exitCode()).isZero();
        Map<String, Object> conf = started.get();
        assertThat(WebViewSettings.BIND.read(conf)).isEqualTo("127.0.0.1");
        assertThat(WebViewSettings.PORT.read(conf)).isEqualTo(8088);
        assertThat(WebViewSettings.ALERTS_TOPIC.read(conf)).isEqualTo("loadAlerts");
    }

    @Test
    void givenBothForms_whenRun_thenEachIsRead() {
        CommandLineRun run = run("--port=9000", "--alerts-topic", "");

        assertThat(run.exitCode()).isZero();
        assertThat(WebViewSettings.PORT.read(started.get())).isEqualTo(9000);
        assertThat(WebViewSettings.ALERTS_TOPIC.read(started.get()))
                .as("empty: off")
                .isNull();
    }

    @Test
    void givenHelp_whenRun_thenExit0WithEveryOptionItsDefaultAndTheExitCodes() {
        CommandLineRun run = run("--help");

        String help = run.out().replaceAll("\\s+", " ");
        assertThat(run.exitCode()).isZero();
        assertThat(started.get()).isNull();
        for (var setting : WebViewSettings.ALL) {
            assertThat(help).contains("--" + setting.key() + "=VALUE");
        }
        assertThat(help).contains("(default: 8088)", "Environment:", "--kafka-config FILE", "Exit codes:");
    }
}
