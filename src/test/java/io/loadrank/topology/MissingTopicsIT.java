package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.testing.Await;
import io.loadrank.testing.CommandLineRun;
import io.loadrank.testing.KafkaBroker;
import io.loadrank.testing.Processes;
import io.loadrank.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topology started against a broker that lacks one of its metric topics: {@code --dry-run} refuses with exit 3
 * naming it; a local run starts with a warning naming it, and the worker log says so until the topic is created,
 * then that it exists.
 */
class MissingTopicsIT {

    @TempDir
    Path runDir;

    @Test
    void a_missing_metric_topic_is_named_at_start_and_in_the_worker_log_until_it_exists() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(runDir.resolve("kafka"))) {
            broker.createTopics(Map.of("memLoad", 1));
            Path config = runDir.resolve("topology.yaml");
            TopologyYaml.write(
                    config,
                    broker.bootstrapServers(),
                    runDir.resolve("output"),
                    "loadrank.topics: [cpuLoad, memLoad]",
                    "loadrank.hosts.topic: \"\"",
                    "loadrank.emit.secs: 1");
            String missingLine = "metric topic cpuLoad does not exist on Kafka at " + broker.bootstrapServers()
                    + ": no host is ranked on it until it is created (scripts/kafka.sh create-topics cpuLoad,"
                    + " or docs/KAFKA-TOPICS.md for your own cluster)";

            CommandLineRun dryRun = CommandLineRun.of(new LoadRankTopology(), "--dry-run", config.toString());

            assertThat(dryRun.exitCode()).as(dryRun.err()).isEqualTo(LoadRankTopology.EXIT_TOPICS_MISSING);
            assertThat(dryRun.errLines()).containsExactly("error: " + missingLine);

            Path log = runDir.resolve("run-local.log");
            Process runLocal = new ProcessBuilder(
                            "bash", RepoPaths.script("run-local.sh").toString(), "--ttl", "300", config.toString())
                    .directory(RepoPaths.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Thread killOnExit = Processes.killOnExit("run-local", List.of(runLocal.pid()));
            try {
                Await.until(
                        Duration.ofSeconds(120),
                        "the worker's warning naming cpuLoad",
                        () -> read(log).contains(missingLine + "; said again every 5 min until it exists"));
                assertThat(read(log)).contains("warning: " + missingLine + "; starting all the same");
                assertThat(read(log)).doesNotContain("metric topic memLoad does not exist");

                broker.createTopics(Map.of("cpuLoad", 1));

                Await.until(
                        Duration.ofSeconds(60),
                        "the worker to see cpuLoad",
                        () -> read(log).contains("metric topic cpuLoad exists now"));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; run-local.sh said:\n" + read(log), e);
            } finally {
                runLocal.destroy();
                if (!runLocal.waitFor(60, TimeUnit.SECONDS)) {
                    runLocal.destroyForcibly();
                }
                Processes.forgetOnExit(killOnExit);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
