package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import io.loadrank.testing.Processes;
import io.loadrank.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts a user runs to try the topology on one machine (docs/DEVELOPMENT.md). {@code scripts/kafka.sh start} (through
 * {@link KafkaBroker}, which calls it), then {@code scripts/run-local.sh --ttl 30} with the shaded
 * jar that {@code mvn package} built, then {@code scripts/kafka.sh stop}: rankings are written, the
 * local run ends by itself, and no process is left.
 */
class RunLocalScriptIT {

    @TempDir
    Path runDir;

    @Test
    void givenABrokerFromKafkaSh_whenRunLocalRunsWithATtl_thenItRanksAndEndsCleanlyLeavingNoProcess() throws Exception {
        Path output = runDir.resolve("output");
        Path config = runDir.resolve("topology.yaml");
        Process runLocal;
        long brokerPid;
        try (KafkaBroker broker = KafkaBroker.start(runDir.resolve("kafka"))) {
            brokerPid = broker.pid();
            broker.createTopics(Map.of("cpuLoad", 1, "memLoad", 1));
            TopologyYaml.write(
                    config,
                    broker.bootstrapServers(),
                    output,
                    "loadrank.topics: [cpuLoad, memLoad]",
                    "loadrank.emit.secs: 1",
                    "loadrank.stale.after.secs: 600",
                    "loadrank.readback.overlap.secs: 3");
            try (SampleFeed feed = new SampleFeed(broker.bootstrapServers())) {
                long now = System.currentTimeMillis();
                for (String topic : List.of("cpuLoad", "memLoad")) {
                    feed.sample(topic, "cass-eu-1", 70, now - 2000);
                    feed.flushAndCheck(feed.sample(topic, "cass-us-1", 30, now - 1000));
                }
            }

            Path log = runDir.resolve("run-local.log");
            runLocal = new ProcessBuilder(
                            "bash", RepoPaths.script("run-local.sh").toString(), "--ttl", "30", config.toString())
                    .directory(RepoPaths.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            OutputFiles files = new OutputFiles(output);
            try {
                Await.until(
                        Duration.ofSeconds(120),
                        "run-local.sh to write {cass-eu-1=70, cass-us-1=30}",
                        () -> files.globalRanking()
                                .filter("{cass-eu-1=70, cass-us-1=30}"::equals)
                                .isPresent());
            } catch (AssertionError e) {
                runLocal.destroyForcibly();
                throw new AssertionError(e.getMessage() + "; run-local.sh said:\n" + Files.readString(log), e);
            }

            assertThat(runLocal.waitFor(120, TimeUnit.SECONDS))
                    .as("run-local.sh ends after its ttl; log " + log)
                    .isTrue();
            assertThat(runLocal.exitValue()).as("exit code; log " + log).isZero();
            assertThat(Files.readString(log)).contains("local cluster shut down");
        }
        assertThat(ProcessHandle.of(runLocal.pid())).isEmpty();
        assertThat(ProcessHandle.of(brokerPid))
                .as("kafka.sh stop ended the broker")
                .isEmpty();
        assertThat(Processes.mentioning(runDir))
                .as("processes left that use " + runDir)
                .isEmpty();
    }
}
