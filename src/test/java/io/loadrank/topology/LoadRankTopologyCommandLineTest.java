package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.cli.Cli;
import io.loadrank.testing.CommandLineRun;
import io.loadrank.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LoadRankTopology's command line, without running a topology: every case is a --dry-run or a
 * refused line, so that a check that breaks makes a dry run, never a local cluster.
 */
class LoadRankTopologyCommandLineTest {

    private static CommandLineRun run(String args) {
        return CommandLineRun.of(new LoadRankTopology(), args.isBlank() ? new String[0] : args.split(" "));
    }

    @Test
    void givenHelp_whenRun_thenExit0AndEveryOptionWithItsDefault() {
        CommandLineRun run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " "))
                .contains(
                        "--local",
                        "--remote",
                        "--dry-run",
                        "--ttl=SECONDS",
                        "(default: 0)",
                        "--set=KEY=VALUE",
                        "CONFIG",
                        "(default: topology.yaml)",
                        "--version");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--dry-run --nope topology.yaml                  | error: Unknown option: '--nope'",
                "topology.yaml                                   | error: Missing required argument",
                "--dry-run --remote topology.yaml                | error: --remote, --dry-run are mutually exclusive",
                "--dry-run --ttl soon topology.yaml              | error: --ttl = 'soon'; allowed: a whole number",
                "--dry-run --ttl -1 topology.yaml                | error: --ttl = '-1'; allowed: a whole number from 0",
                "--dry-run --set loadrank.emit.secs topology.yaml | error: Value for option option '--set' (KEY=VALUE) should be in KEY=VALUE format",
                "--dry-run --set loadrank.emit.secs=0 topology.yaml | error: bad configuration: loadrank.emit.secs = 0; allowed: a whole number from 1 to 3600 (from --set loadrank.emit.secs)",
                "--dry-run --set loadrank.windw.secs=30 topology.yaml | error: bad configuration: unknown key 'loadrank.windw.secs' from --set; did you mean loadrank.window.secs?",
                "--dry-run --set loadrank.topics.cpuLoad=2 topology.yaml | error: bad configuration: unknown key 'loadrank.topics.cpuLoad' from --set; did you mean loadrank.topics?",
                "--dry-run no-such.yaml                          | error: bad configuration: CONFIG = 'no-such.yaml'",
                "--dry-run --set loadrank.kafka.properties=sasl.jaas.config=hunter2 topology.yaml | error: bad configuration: loadrank.kafka.properties = (hidden)",
            })
    void givenBadUsage_whenRun_thenExit2WithOneErrorLineAndAPointerToHelp(String args, String error) {
        CommandLineRun run = run(args);

        assertThat(run.exitCode()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith(error);
        assertThat(run.errLines().get(1)).isEqualTo("try --help");
        assertThat(run.err()).doesNotContain("hunter2");
    }

    @Test
    void givenAnUnknownKeyInTheFile_whenRun_thenExit2NamingTheKeyTheFileAndTheNearestKey(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "loadrank.windows.secs: 30\ntopology.workers: 1\n");

        CommandLineRun run = run("--dry-run " + file);

        assertThat(run.exitCode()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.errLines().get(0))
                .isEqualTo("error: bad configuration: unknown key 'loadrank.windows.secs' in " + file
                        + "; did you mean loadrank.window.secs?");
        assertThat(run.out()).doesNotContain("configuration is valid");
    }

    @Test
    void givenABadValueInTheFile_whenRun_thenTheErrorNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "loadrank.window.secs: 0\n");

        CommandLineRun run = run("--dry-run " + file);

        assertThat(run.exitCode()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.errLines().get(0)).endsWith("(in " + file + ")");
    }

    @Test
    void givenDryRunWithOverrides_whenRun_thenTheOverridesReachTheCheckedConfiguration() {
        String noKafka = "127.0.0.1:" + FreePorts.one();
        CommandLineRun run = run("--dry-run --set loadrank.emit.secs=7 --set=loadrank.topology.name=cli-test"
                + " --set loadrank.kafka.bootstrap.servers=" + noKafka + " topology.yaml");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("configuration is valid", "loadrank.emit.secs=7", "topology cli-test:");
        assertThat(run.errLines())
                .containsExactly("warning: Kafka at " + noKafka
                        + " did not answer within 3 s: the metric topics were not checked");
    }

    @Test
    void givenSetValues_whenTyped_thenWholeNumbersAndBooleansAreTypedAndTheRestIsText() {
        assertThat(LoadRankTopology.typed(Map.of("a", "600000", "b", "-7", "c", "true", "d", "4.5", "e", "x=y")))
                .isEqualTo(Map.of("a", 600_000L, "b", -7L, "c", true, "d", "4.5", "e", "x=y"));
    }
}
