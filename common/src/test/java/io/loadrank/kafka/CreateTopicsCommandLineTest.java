package io.loadrank.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** create-topics' command line, up to where it would reach for a broker (every case here stops before). */
class CreateTopicsCommandLineTest {

    private record Run(int code, String out, List<String> err) {}

    private static Run run(String args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new CreateTopicsCommand(), new PrintWriter(out), new PrintWriter(err), args.split(" "));
        return new Run(
                code,
                out.toString().replaceAll("\\s+", " "),
                err.toString().lines().toList());
    }

    @Test
    void givenHelp_whenRun_thenExit0AndTheOptionsWithTheirDefaults() {
        Run run = run("--help");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains(
                        "--partitions=N",
                        "(default: 1)",
                        "--replication-factor=N",
                        "--timeout-secs=S",
                        "(default: 60)",
                        "--version",
                        "Environment: none",
                        "Exit codes: 0 done 1 failed (the reason in one line) 2 bad usage");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--bootstrap-server b:1 --nope t              | error: Unknown option: '--nope'",
                "--bootstrap-server b:1                       | error: name at least one topic",
                "--bootstrap-server b:1 --partitions 0 t      | error: --partitions = '0'; allowed: a whole number from 1 to 10000",
                "--bootstrap-server b:1 --replication-factor x t | error: --replication-factor = 'x'; allowed: a whole number",
                "--bootstrap-server b:1 --timeout-secs 0 t    | error: --timeout-secs = '0'; allowed: a whole number from 1",
                "t                                            | error: Missing required option: '--bootstrap-servers",
            })
    void givenBadUsage_whenRun_thenExit2WithOneErrorLineAndAPointerToHelp(String args, String error) {
        Run run = run(args);

        assertThat(run.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.err()).hasSize(2);
        assertThat(run.err().get(0)).startsWith(error);
        assertThat(run.err().get(1)).isEqualTo("try --help");
    }
}
