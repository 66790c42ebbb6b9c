package io.loadrank.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every script under scripts/ follows the one command-line convention (scripts/lib/args.sh): --help exits 0 and
 * lists the options, the environment variables and the exit codes; bad usage exits 2 naming what is wrong, with a
 * pointer to --help. Each case stops before the script starts anything.
 */
class ScriptUsageTest {

    /** Scripts whose arguments go on to another program as they are (Maven, JMH). */
    private static final List<String> PASS_THROUGH = List.of("test.sh", "bench-jmh.sh");

    private record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /**
     * Runs a script the way a user would, but where it cannot reach anything real: a run directory of its own and
     * a demo port that is not a port, so that a check that breaks fails fast instead of starting servers; and ended
     * (with everything it started) if it runs longer than a check takes.
     */
    private static Run run(String script, String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(
                        Stream.of("bash", RepoPaths.script(script).toString()), Stream.of(args))
                .toList();
        Path dir = Files.createTempDirectory("script-usage");
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(RepoPaths.root().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("LOADRANK_RUN_DIR", dir.resolve("run").toString());
        // read by demo.sh after its command line: a demo that got past it stops at once
        builder.environment().put("DEMO_KAFKA_PORT", "not-a-port");
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(script + " " + List.of(args) + " ran on instead of stopping at its command line");
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> scripts() throws IOException {
        try (Stream<Path> files = Files.list(RepoPaths.root().resolve("scripts"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".sh"))
                    .sorted()
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> help_exits_0_and_lists_options_environment_and_exit_codes() throws IOException {
        return scripts().stream()
                .map(script -> DynamicTest.dynamicTest(script + " --help", () -> {
                    Run run = run(script, "--help");

                    assertThat(run.code())
                            .as(script + " --help; stderr: " + run.err())
                            .isZero();
                    assertThat(run.out()).startsWith("usage: scripts/" + script);
                    assertThat(run.out()).as(script).contains("\nEnvironment:\n", "\nExit codes:\n");
                    assertThat(run.out()).as(script).containsPattern("\n(Options|Commands|Commands and options):\n");
                }));
    }

    @TestFactory
    Stream<DynamicTest> an_unknown_option_exits_2_naming_it() throws IOException {
        return scripts().stream()
                .filter(script -> !PASS_THROUGH.contains(script))
                .map(script -> DynamicTest.dynamicTest(script + " --no-such-option", () -> {
                    // producer.sh hands options to the producer's jar, which checks them: an argument it refuses
                    String bad = script.equals("producer.sh") ? "no-such-argument" : "--no-such-option";

                    Run run = run(script, bad);

                    assertThat(run.code())
                            .as(script + " " + bad + "; stderr: " + run.err())
                            .isEqualTo(2);
                    assertThat(run.errLines()).hasSize(2);
                    assertThat(run.errLines().get(0)).startsWith("error: ").contains(bad);
                    assertThat(run.errLines().get(1)).isEqualTo("try scripts/" + script + " --help");
                }));
    }

    @Test
    void options_that_exclude_each_other_are_refused() throws Exception {
        Run run = run("demo.sh", "--by-datacenter", "--datacenter", "eu-west");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines().get(0))
                .isEqualTo("error: --by-datacenter and --datacenter exclude each other: give one of them");
    }

    @Test
    void a_bad_value_exits_2_naming_the_option_the_value_and_what_is_allowed() throws Exception {
        assertThat(run("cassandra.sh", "start", "--nodes", "abc").errLines())
                .first()
                .isEqualTo("error: --nodes=abc is not allowed: a whole number from 1 to 9");
        assertThat(run("cassandra.sh", "start", "--nodes", "abc").code()).isEqualTo(2);
        assertThat(run("run-local.sh", "--ttl", "soon").code()).isEqualTo(2);
        assertThat(run("kafka.sh", "consume", "memLoad", "--max", "0").errLines())
                .first()
                .isEqualTo("error: --max=0 is not allowed: a whole number of at least 1");
        assertThat(run("thread-cpu.sh", "1", "0").errLines())
                .first()
                .isEqualTo("error: SECONDS=0 is not allowed: a whole number from 1 to 3600");
        Run noSupervisors = run("storm-cluster.sh", "start", "--supervisors", "0");
        assertThat(noSupervisors.errLines())
                .first()
                .isEqualTo("error: --supervisors=0 is not allowed: a whole number from 1 to 9"
                        + " (Supervisor i runs on 127.0.0.i)");
        assertThat(noSupervisors.code()).isEqualTo(2);
    }

    @Test
    void a_missing_command_exits_2_naming_the_commands() throws Exception {
        for (String script : List.of("kafka.sh", "storm-cluster.sh", "cassandra.sh")) {
            Run run = run(script);

            assertThat(run.code()).as(script).isEqualTo(2);
            assertThat(run.errLines().get(0)).as(script).startsWith("error: name a command: start, stop");
        }
    }
}
