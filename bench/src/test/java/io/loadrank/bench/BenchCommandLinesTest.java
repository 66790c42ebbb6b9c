package io.loadrank.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line of every bench tool: help, unknown options, missing and bad values. */
class BenchCommandLinesTest {

    private record Run(int code, String out, List<String> err) {}

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.execute(command, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(
                code,
                out.toString().replaceAll("\\s+", " "),
                err.toString().lines().toList());
    }

    /**
     * tool, what its help shows (options with defaults), a complete command line, one option and a
     * value it refuses (given last, it wins over the complete line's value, and is refused before
     * anything is measured).
     */
    private static Stream<Arguments> tools() {
        return Stream.of(
                Arguments.of(
                        "ConsumerReadBench",
                        (Supplier<Object>) ConsumerReadBench.Options::new,
                        List.of(
                                "--bootstrap-servers=HOST:PORT",
                                "--topics=T1,T2,...",
                                "--totals-out=FILE",
                                "--result=FILE",
                                "--deadline-secs=SECONDS",
                                "(default: 600)"),
                        List.of("--bootstrap-servers", "b", "--topics", "t", "--totals-out", "o", "--result", "r"),
                        "--deadline-secs",
                        "soon"),
                Arguments.of(
                        "IngestWatcher",
                        (Supplier<Object>) IngestWatcher.Options::new,
                        List.of(
                                "--dir=DIR",
                                "--totals=FILE",
                                "--deadline-secs=SECONDS",
                                "--pid=PID",
                                "(default: 0)",
                                "--poll-ms=MS",
                                "(default: 100)"),
                        List.of("--dir", "d", "--totals", "t", "--result", "r", "--deadline-secs", "9"),
                        "--pid",
                        "x"),
                Arguments.of(
                        "FreshnessWatcher",
                        (Supplier<Object>) FreshnessWatcher.Options::new,
                        List.of(
                                "--bootstrap-servers=HOST:PORT[,...]",
                                "--rankings-topic=TOPIC",
                                "--hosts=N",
                                "--seed=N",
                                "(default: 42)",
                                "--poll-ms=MS",
                                "(default: 20)",
                                "--min-age-ms=MS",
                                "(default: 5000)"),
                        List.of(
                                "--dir",
                                "d",
                                "--bootstrap-servers",
                                "127.0.0.1:9092",
                                "--rankings-topic",
                                "rankings",
                                "--hosts",
                                "10",
                                "--live-start",
                                "1",
                                "--until",
                                "2",
                                "--result",
                                "r"),
                        "--hosts",
                        "0"),
                Arguments.of(
                        "HeapAfterGc",
                        (Supplier<Object>) HeapAfterGc.Options::new,
                        List.of("--pid=PID", "--result=FILE"),
                        List.of("--pid", "1", "--result", "r"),
                        "--pid",
                        "12x"),
                Arguments.of(
                        "BenchReport",
                        (Supplier<Object>) BenchReport.Options::new,
                        List.of("--session=DIR", "--out=FILE", "--csv=FILE"),
                        List.of("--session", "s", "--out", "o", "--csv", "c"),
                        "--session",
                        "/no/such/session"),
                Arguments.of(
                        "StormCeiling",
                        (Supplier<Object>) StormCeiling.Options::new,
                        List.of(
                                "--mode=SHAPE",
                                "--messages=N",
                                "(default: 0)",
                                "--group=ID",
                                "--topology-config=FILE",
                                "--deadline-secs=SECONDS",
                                "(default: 600)"),
                        List.of(
                                "--mode",
                                "spout",
                                "--bootstrap-servers",
                                "b",
                                "--topics",
                                "t",
                                "--group",
                                "g",
                                "--topology-config",
                                "topology.yaml",
                                "--result",
                                "r"),
                        "--mode",
                        "bolt-only"));
    }

    private static String[] with(List<String> args, String... more) {
        return Stream.concat(args.stream(), Stream.of(more)).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void givenHelp_whenRun_thenExit0AndEveryOptionWithItsDefault(
            String tool,
            Supplier<Object> options,
            List<String> helpShows,
            List<String> complete,
            String option,
            String value) {
        Run run = run(options.get(), "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains(tool).contains(helpShows).contains("--version");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void givenAnUnknownOption_whenRun_thenExit2WithOneErrorLine(
            String tool,
            Supplier<Object> options,
            List<String> helpShows,
            List<String> complete,
            String option,
            String value) {
        Run run = run(options.get(), with(complete, "--no-such-option"));

        assertThat(run.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.err()).hasSize(2);
        assertThat(run.err().get(0)).startsWith("error: Unknown option: '--no-such-option'");
        assertThat(run.err().get(1)).isEqualTo("try --help");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void givenAMissingRequiredOption_whenRun_thenExit2NamingIt(
            String tool,
            Supplier<Object> options,
            List<String> helpShows,
            List<String> complete,
            String option,
            String value) {
        Run run = run(options.get());

        assertThat(run.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.err()).hasSize(2);
        assertThat(run.err().get(0)).startsWith("error: Missing required option");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tools")
    void givenABadValue_whenRun_thenExit2NamingTheOptionAndTheValue(
            String tool,
            Supplier<Object> options,
            List<String> helpShows,
            List<String> complete,
            String option,
            String value) {
        Run run = run(options.get(), with(complete, option, value));

        assertThat(run.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.err()).hasSize(2);
        assertThat(run.err().get(0)).startsWith("error: " + option + " = '" + value + "'; allowed: ");
        assertThat(run.err().get(1)).isEqualTo("try --help");
    }
}
