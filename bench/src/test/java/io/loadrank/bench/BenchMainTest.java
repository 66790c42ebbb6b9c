package io.loadrank.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.Command;

class BenchMainTest {

    /** A tool whose measurement ends as told by {@link #outcome}. */
    @Command(name = "tool")
    static final class Tool implements Callable<Integer> {
        final String outcome;

        Tool(String outcome) {
            this.outcome = outcome;
        }

        @Override
        public Integer call() throws IOException {
            return switch (outcome) {
                case "failure" -> throw new BenchMain.Failure("the topology never ranked");
                case "exception" -> throw new IOException("disk gone");
                default -> 0;
            };
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "success   | 0 | ",
                "failure   | 1 | tool: failed: the topology never ranked",
                "exception | 1 | tool: failed: java.io.IOException: disk gone",
            })
    void givenAMeasurementOutcome_whenRun_thenItsExitStatusAndOneLineSayingWhatWentWrong(
            String outcome, int status, String firstLine) {
        StringWriter err = new StringWriter();

        int code = BenchMain.execute(new Tool(outcome), new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(code).isEqualTo(status);
        if (firstLine == null) {
            assertThat(err.toString()).isEmpty();
        } else {
            assertThat(err.toString().lines().findFirst()).hasValue(firstLine);
        }
    }
}
