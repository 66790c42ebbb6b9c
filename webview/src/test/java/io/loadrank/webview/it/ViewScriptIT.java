package io.loadrank.webview.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** scripts/view.sh refuses bad options with exit code 2, naming the option, the value and what is allowed. */
class ViewScriptIT {

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(
                        List.of("--port", "70000"),
                        "error: --port=70000 is not allowed: a whole number from 0 to 65535"),
                Arguments.of(
                        List.of("--bootstrap-servers", "kafka-1"),
                        "error: --bootstrap-servers=kafka-1 is not allowed: host:port"),
                Arguments.of(List.of("--port"), "error: --port needs a value"),
                Arguments.of(List.of("8088"), "error: unknown argument 8088"),
                // no stack trace for an address that names nothing
                Arguments.of(
                        List.of("--bind", "nowhere.invalid"),
                        "error: bad configuration: bind = 'nowhere.invalid'; allowed: an address of this machine"),
                // checked by the jar itself
                Arguments.of(
                        List.of("--history-minutes", "0"),
                        "error: bad configuration: history-minutes = '0'; allowed: a whole number from 1 to 1440"),
                Arguments.of(List.of("--colour", "red"), "error: Unknown option"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badArguments")
    void givenABadOption_whenTheScriptRuns_thenItExitsWithCode2AndSaysWhatIsAllowed(
            List<String> arguments, String message) throws Exception {
        Result result = run(arguments);

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.output).contains(message).doesNotContain("\tat ", "Exception in thread");
    }

    @Test
    void givenHelp_whenTheScriptRuns_thenEveryOptionIsListed() throws Exception {
        Result result = run(List.of("--help"));

        assertThat(result.exitCode).isZero();
        assertThat(result.output)
                .contains(
                        "--bootstrap-servers",
                        "--port",
                        "--bind",
                        "--rankings-topic",
                        "--alerts-topic",
                        "--history-minutes");
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(RepoPaths.script("view.sh").toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("scripts/view.sh " + arguments + " did not end");
        }
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
