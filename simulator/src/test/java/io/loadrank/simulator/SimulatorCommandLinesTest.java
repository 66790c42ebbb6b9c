package io.loadrank.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.cli.Cli;
import io.loadrank.testing.CommandLineRun;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command lines of the simulator module's programs: help, unknown options, bad values. */
class SimulatorCommandLinesTest {

    private static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of(
                        "HostSimulator",
                        (Supplier<Object>) SimulatorCommand::new,
                        new String[] {
                            "--hosts=N",
                            "(default: 12)",
                            "--rate=HZ",
                            "(default: 1)",
                            "--progress=SECONDS",
                            "(default: 10)",
                            "--compression=CODEC",
                            "(default: lz4)",
                            "--max-speed",
                            "(default: false)"
                        },
                        new String[] {"--hosts", "-3"},
                        "--hosts = '-3'"),
                Arguments.of(
                        "RankingView",
                        (Supplier<Object>) RankingView::new,
                        new String[] {
                            "--watch=FILE",
                            "(default: STORM_OUTPUT/GlobalRankings.json)",
                            "--top=N",
                            "(default: 25)",
                            "--interval-ms=MS",
                            "(default: 500)",
                            "--fleet-seed=N",
                            "(default: 42)"
                        },
                        new String[] {"--top", "0"},
                        "--top = '0'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void givenHelp_whenRun_thenExit0AndTheOptionsWithTheirDefaults(
            String name, Supplier<Object> program, String[] helpShows, String[] badValue, String named) {
        CommandLineRun run = CommandLineRun.of(program.get(), "--help");

        assertThat(run.exitCode()).isZero();
        // the help wraps long lines where the terminal ends
        assertThat(run.out().replaceAll("\\s+", " "))
                .contains(name)
                .contains(helpShows)
                .contains("--version")
                .contains("Environment:", "Exit codes:", " 2 bad usage");
    }

    @org.junit.jupiter.api.Test
    void givenTheFileWithoutWatch_whenTheViewRunsOnce_thenItShowsIt(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CommandLineRun run = CommandLineRun.of(
                new RankingView(), "--once", dir.resolve("GlobalRankings.json").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @org.junit.jupiter.api.Test
    void givenByDatacenterAndDatacenter_whenRun_thenExit2BecauseTheyExcludeEachOther() {
        CommandLineRun run =
                CommandLineRun.of(new RankingView(), "--by-datacenter", "--datacenter", "eu-west", "--once");

        assertThat(run.exitCode()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.errLines().get(0))
                .isEqualTo("error: --by-datacenter and --datacenter exclude each other: give one of them");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void givenAnUnknownOption_whenRun_thenExit2WithOneErrorLine(
            String name, Supplier<Object> program, String[] helpShows, String[] badValue, String named) {
        CommandLineRun run = CommandLineRun.of(program.get(), "--no-such-option", "1");

        assertThat(run.exitCode()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("error: Unknown option").contains("'--no-such-option'");
        assertThat(run.errLines().get(1)).isEqualTo("try --help");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void givenABadValue_whenRun_thenExit2NamingTheOptionAndTheValue(
            String name, Supplier<Object> program, String[] helpShows, String[] badValue, String named) {
        CommandLineRun run = CommandLineRun.of(program.get(), badValue);

        assertThat(run.exitCode()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("error: ").contains(named).contains("; allowed: ");
        assertThat(run.errLines().get(1)).isEqualTo("try --help");
    }
}
