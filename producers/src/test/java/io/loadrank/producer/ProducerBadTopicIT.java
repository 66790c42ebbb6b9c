package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.producer.it.Servers;
import io.loadrank.producer.it.TopicRecorder;
import io.loadrank.testing.Await;
import io.loadrank.testing.FreePorts;
import io.loadrank.testing.KafkaBroker;
import io.loadrank.testing.Processes;
import io.loadrank.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The producer's jar against a real broker that lacks one of its topics ({@code --topic.cpuLoad=noSuchTopic}):
 * the other metrics keep flowing, one line names the topic, and Kafka is never said to be unavailable. No
 * Cassandra: the producer reads its own JVM over JMX (cpuLoad comes from any JVM's OperatingSystem MBean) and
 * memLoad from {@code /proc/meminfo}.
 */
class ProducerBadTopicIT {

    private static final String HOST = "it-bad-topic-db-1.example.org";

    @TempDir
    Path runDir;

    @Test
    void a_topic_that_does_not_exist_holds_back_only_its_own_metric_and_is_named() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start(runDir.resolve("kafka"))) {
            Map<String, Integer> topics = new LinkedHashMap<>();
            Servers.TOPICS.forEach(topic -> topics.put(topic, 1));
            kafka.createTopics(topics);
            int jmxPort = FreePorts.one();
            Path output = runDir.resolve("producer.log");
            Process producer = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                            "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                            "-Dcom.sun.management.jmxremote.authenticate=false",
                            "-Dcom.sun.management.jmxremote.ssl=false",
                            "-jar",
                            RepoPaths.root()
                                    .resolve("producers/target/loadrank-producer.jar")
                                    .toString(),
                            "--host=" + HOST,
                            "--interval.ms=500",
                            "--jmx.host=127.0.0.1",
                            "--jmx.port=" + jmxPort,
                            "--memory.source=meminfo",
                            "--topic.cpuLoad=noSuchTopic",
                            "--topic.hosts=",
                            "--kafka.bootstrap.servers=" + kafka.bootstrapServers())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            Thread killOnExit = Processes.killOnExit("producer", List.of(producer.pid()));
            try (TopicRecorder recorder = new TopicRecorder(kafka.bootstrapServers(), List.of("memLoad"))) {
                Await.until(
                        Duration.ofSeconds(60),
                        "20 memLoad samples while cpuLoad's topic does not exist",
                        () -> recorder.received("memLoad").size() >= 20);
                Await.until(
                        Duration.ofSeconds(30),
                        "the line naming the topic",
                        () -> read(output).contains("does not take samples for topic noSuchTopic"));
            } finally {
                producer.destroy(); // SIGTERM to its pid
                if (!producer.waitFor(30, TimeUnit.SECONDS)) {
                    producer.destroyForcibly();
                }
                Processes.forgetOnExit(killOnExit);
            }
            String log = read(output);
            assertThat(log)
                    .contains("JMX connected to service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi")
                    .contains("first sample acknowledged by Kafka at " + kafka.bootstrapServers() + " (topic memLoad)")
                    .contains("Topic noSuchTopic not present in metadata")
                    .doesNotContain("Kafka unavailable");
            assertThat(log).containsPattern("Kafka producer closed: \\d+ samples sent, 0 lost, \\d+ left unsent");
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
