package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import io.loadrank.testing.Processes;
import io.loadrank.testing.RepoPaths;
import io.loadrank.testing.StormClusterProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded topology jar, as `mvn package` builds it, submitted the way
 * `storm jar` does to a real multi-process Storm cluster (ZooKeeper, Nimbus, a Supervisor and
 * its worker JVMs, from scripts/storm-cluster.sh), fed the worked example of docs/RANKING.md through a
 * real Kafka broker. Then the topology is killed and the cluster stopped, leaving no process.
 */
class LoadRankStormClusterIT {

    @TempDir
    Path runDir;

    @Test
    void givenTheTopologyJarOnAMultiProcessCluster_whenFedTheWorkedExample_thenGlobalRankingsReadsC41A34B24()
            throws Exception {
        Path jar = RepoPaths.root().resolve("target/loadrank-topology.jar");
        assertThat(jar).as("the shaded jar from mvn package").exists();
        Path output = runDir.resolve("output");
        Path config = runDir.resolve("topology.yaml");
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        LoadRankTopologyIT.WORKED_EXAMPLE.forEach((topic, hosts) -> {
            Map<String, Double> hostValues = new LinkedHashMap<>();
            hosts.forEach((host, value) -> hostValues.put(host, value.doubleValue()));
            values.put(topic, hostValues);
        });

        try (KafkaBroker broker = KafkaBroker.start(runDir.resolve("kafka"));
                StormClusterProcess cluster = StormClusterProcess.start(runDir.resolve("storm"))) {
            Map<String, Integer> partitions = new LinkedHashMap<>();
            values.keySet().forEach(topic -> partitions.put(topic, 2));
            broker.createTopics(partitions);
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "topology.workers: 1",
                            "loadrank.topology.name: loadrank-cluster-it",
                            "loadrank.kafka.bootstrap.servers: \"" + broker.bootstrapServers() + "\"",
                            "loadrank.topics: [" + String.join(", ", values.keySet()) + "]",
                            "loadrank.output.dir: " + output,
                            "loadrank.emit.secs: 1",
                            "loadrank.stale.after.secs: 300",
                            "loadrank.readback.overlap.secs: 3",
                            ""),
                    StandardCharsets.UTF_8);

            try (SampleFeed feed = new SampleFeed(broker.bootstrapServers())) {
                // a minute of history, then the hosts keep reporting the same values
                long now = System.currentTimeMillis();
                for (int k = 0; k < 12; k++) {
                    long sampleTime = now - 59_000 + k * 5_000L;
                    values.forEach((topic, hosts) ->
                            hosts.forEach((host, value) -> feed.sample(topic, host, value, sampleTime)));
                }
                try (LiveFeed live = new LiveFeed(feed, values, new AtomicBoolean(), new AtomicLong())) {
                    cluster.submit(jar, "io.loadrank.topology.LoadRankTopology", config);
                    assertThat(cluster.topologies()).contains("loadrank-cluster-it");

                    OutputFiles files = new OutputFiles(output);
                    Await.until(
                            Duration.ofSeconds(240),
                            "GlobalRankings.txt to read {C=41, A=34, B=24} (worker logs in " + cluster.logDir() + ")",
                            () -> files.globalRanking()
                                    .filter("{C=41, A=34, B=24}"::equals)
                                    .isPresent());
                    // written by the topic bolt's own file thread: it may land after the global file
                    String cpuLoad = Await.value(
                            Duration.ofSeconds(30),
                            "cpuLoad.txt to rank A, C and B",
                            () -> files.topicRanking("cpuLoad").filter(text -> text.contains("[B|")));
                    assertThat(cpuLoad).startsWith("[[A|20|").contains("[C|20|", "[B|10|");
                }
            }
            cluster.kill("loadrank-cluster-it");
            assertThat(cluster.topologies()).doesNotContain("loadrank-cluster-it");
        }
        assertThat(Processes.mentioning(runDir)).as("processes left behind").isEmpty();
    }
}
