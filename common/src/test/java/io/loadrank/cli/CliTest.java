package io.loadrank.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CliTest {

    /** A program with a typed option, a checked option and a switch, as the real ones have. */
    @Command(name = "sample", mixinStandardHelpOptions = true, versionProvider = LoadrankVersion.class)
    static final class Sample implements Callable<Integer> {
        @Option(names = "--count", defaultValue = "3", description = "how many, 1-10 (default: ${DEFAULT-VALUE})")
        long count;

        @Option(names = "--mode", defaultValue = "fast", description = "fast or slow (default: ${DEFAULT-VALUE})")
        String mode;

        @Option(
                names = "--loud",
                arity = "0..1",
                fallbackValue = "true",
                defaultValue = "false",
                converter = OnOff.class,
                description = "a switch (default: ${DEFAULT-VALUE})")
        boolean loud;

        @Override
        public Integer call() {
            OptionValues.inRange("--count", count, 1, 10);
            OptionValues.oneOf("--mode", mode, List.of("fast", "slow"));
            if (mode.equals("slow") && loud) {
                throw new UsageException("--loud and --mode slow\ndo not go together");
            }
            return 0;
        }
    }

    private record Run(int code, String out, List<String> err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new Sample(), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString().lines().toList());
    }

    @Test
    void givenHelp_whenRun_thenExit0AndEveryOptionWithItsDefault() {
        Run run = run("--help");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains(
                        "--count=<count>",
                        "(default: 3)",
                        "--mode=<mode>",
                        "(default: fast)",
                        "--loud",
                        "(default: false)",
                        "--version");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void givenVersion_whenRun_thenExit0AndTheProjectVersion() {
        Run run = run("--version");

        assertThat(run.code()).isZero();
        assertThat(run.out().strip()).matches("loadrank \\d+\\.\\d+\\.\\d+.*");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--nope               | error: Unknown option: '--nope'",
                "stray                | error: Unmatched argument at index 0: 'stray'",
                "--count              | error: Missing required parameter for option '--count'",
                "--count x            | error: --count = 'x'; allowed: a whole number",
                "--count=11           | error: --count = '11'; allowed: a whole number from 1 to 10",
                "--mode odd           | error: --mode = 'odd'; allowed: one of [fast, slow]",
                "--loud=maybe         | error: --loud = 'maybe'; allowed: one of true, on, yes",
                "--loud --mode slow   | error: --loud and --mode slow; do not go together",
            })
    void givenBadUsage_whenRun_thenExit2WithOneErrorLineAndAPointerToHelp(String args, String error) {
        Run run = run(args.split(" "));

        assertThat(run.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.err()).hasSize(2);
        assertThat(run.err().get(0)).startsWith(error);
        assertThat(run.err().get(1)).isEqualTo("try --help");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--count 7 --mode=slow | 7  | slow | false",
                "--loud                | 3  | fast | true",
                "--loud=off            | 3  | fast | false",
                "--loud=yes --count=1  | 1  | fast | true",
            })
    void givenGoodOptions_whenParsed_thenTheyReachTheFields(String args, long count, String mode, boolean loud) {
        Sample sample = Cli.parse(new Sample(), args.split(" "));

        assertThat(sample.count).isEqualTo(count);
        assertThat(sample.mode).isEqualTo(mode);
        assertThat(sample.loud).isEqualTo(loud);
        assertThat(run(args.split(" ")).code()).isZero();
    }

    @Test
    void givenAnArgumentStartingWithAt_whenParsed_thenItIsAValueNotAFileOfArguments(@TempDir Path dir)
            throws IOException {
        Path arguments = dir.resolve("args");
        Files.writeString(arguments, "--mode slow\n");

        Sample sample = Cli.parse(new Sample(), "--mode", "@" + arguments);

        assertThat(sample.mode).isEqualTo("@" + arguments);
    }

    @Test
    void givenBadUsage_whenParsedWithoutRunning_thenAUsageExceptionWithTheSameMessage() {
        assertThatThrownBy(() -> Cli.parse(new Sample(), "--count", "x"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--count = 'x'; allowed: a whole number");
    }
}
