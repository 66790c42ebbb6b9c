package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.cli.Cli;
import io.loadrank.config.ConfigException;
import io.loadrank.testing.CommandLineRun;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The producer's command line, up to the point where it would start producing. */
class ProducerCommandLineTest {

    /** Stands in for the producer: exit code 0 once the configuration is good. */
    private static CommandLineRun run(String args) {
        ProducerCommand command = new ProducerCommand(Map.of(), () -> "db-1.example.org", config -> 0);
        return CommandLineRun.of(command.commandLine(), args.isBlank() ? new String[0] : args.split(" "));
    }

    @Test
    void givenHelp_whenRun_thenExit0WithTheConfigOptionTheKeysTheirDefaultsAndTheExitCodes() {
        CommandLineRun run = run("--help");

        String help = run.out().replaceAll("\\s+", " ");
        assertThat(run.exitCode()).isZero();
        assertThat(help)
                .contains(
                        "--config=FILE",
                        "--jmx.port=VALUE",
                        "(default: 7199)",
                        "--kafka.acks=VALUE",
                        "(default: all)",
                        "--jmx.username=VALUE",
                        "(default: (empty))",
                        "--version",
                        "Exit codes:");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--jmx.prot=7199                | error: Unknown option: '--jmx.prot=7199'",
                "stray                          | error: Unmatched argument at index 0: 'stray'",
                "--jmx.port                     | error: Missing required parameter for option '--jmx.port'",
                "--jmx.port=x                   | error: bad configuration: jmx.port = 'x'; allowed: a whole number from 1 to 65535",
                "--kafka.acks some              | error: bad configuration: kafka.acks = 'some'; allowed: one of [all, -1, 1, 0]",
                "--config /no/such.properties   | error: bad configuration: config = '/no/such.properties'; allowed: a readable properties file",
            })
    void givenBadUsage_whenRun_thenExit2WithOneErrorLineAndAPointerToHelp(String args, String error) {
        CommandLineRun run = run(args);

        assertThat(run.exitCode()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith(error);
        assertThat(run.errLines().get(1)).isEqualTo("try --help");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--jmx.port=7299 --interval.ms 500     | 7299 | 500",
                "--jmx.port 7199 --jmx.port=7299       | 7299 | 1000",
            })
    void givenKeysAsKeyEqualsValueOrKeySpaceValue_whenParsed_thenTheLastOneWins(String args, int port, long intervalMs)
            throws ConfigException {
        ProducerConfig config = ProducerConfig.parse(java.util.List.of(args.split(" ")), Map.of(), () -> "h");

        assertThat(config.jmx().port()).isEqualTo(port);
        assertThat(config.interval().toMillis()).isEqualTo(intervalMs);
    }
}
