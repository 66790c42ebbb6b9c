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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JMX producer's jar, run as an operator runs it, against the secured broker of {@code kafka.sh start --secure}
 * (SASL_SSL, SCRAM-SHA-512, ACLs). No Cassandra: its JMX port is closed, and the producer sends memLoad from
 * {@code /proc/meminfo} all the same (docs/PRODUCER.md), which is enough to reach Kafka. With the producer's
 * principal memLoad records arrive; a wrong password or a principal without WRITE ends it within seconds with
 * exit code 3 and one line naming the cause; no secret is in its output.
 */
class ProducerSecurityIT {

    private static final String HOST = "it-secure-db-1.example.org";
    /** A refusal must come well within this: the first send is after one interval. */
    private static final Duration CLEAR_ERROR_WITHIN = Duration.ofSeconds(30);

    private static final Duration EXIT_DEADLINE = Duration.ofSeconds(60);

    @TempDir
    static Path runDir;

    private static KafkaBroker kafka;
    /** Everything the producer printed in this class, for the check that no secret is in it. */
    private static final List<String> outputs = new ArrayList<>();

    @BeforeAll
    static void startSecuredKafka() {
        kafka = KafkaBroker.startSecure(runDir.resolve("kafka"));
        Map<String, Integer> topics = new LinkedHashMap<>();
        Servers.TOPICS.forEach(topic -> topics.put(topic, 1));
        kafka.createTopics(topics);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The producer's jar as a process of its own, its output (stdout and stderr) in a file; stopped by its pid. */
    private static final class ProducerProcess implements AutoCloseable {
        private final Process process;
        private final Path output;
        private final long started = System.nanoTime();
        private final Thread killOnExit;

        ProducerProcess(String name, Path kafkaProperties) throws IOException {
            output = runDir.resolve("producer-" + name + ".log");
            Path jar = RepoPaths.root().resolve("producers/target/loadrank-producer.jar");
            process = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-jar",
                            jar.toString(),
                            "--host=" + HOST,
                            "--interval.ms=500",
                            // nothing listens there: the producer sends memLoad from /proc/meminfo without JMX
                            "--jmx.host=127.0.0.1",
                            "--jmx.port=" + FreePorts.one(),
                            "--jmx.timeout.ms=1000",
                            "--memory.source=meminfo",
                            "--kafka.bootstrap.servers=" + kafka.bootstrapServers(),
                            "--kafka.client.properties=" + kafkaProperties)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            killOnExit = Processes.killOnExit("producer", List.of(process.pid()));
        }

        /** Waits until it exits by itself, at most {@link #EXIT_DEADLINE}; its exit code. */
        int awaitExit() throws InterruptedException {
            boolean exited = process.waitFor(EXIT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertThat(exited)
                    .as("the producer exited by itself within %s; output:%n%s", EXIT_DEADLINE, output())
                    .isTrue();
            return process.exitValue();
        }

        Duration ran() {
            return Duration.ofNanos(System.nanoTime() - started);
        }

        boolean isAlive() {
            return process.isAlive();
        }

        String output() {
            try {
                return Files.readString(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy(); // SIGTERM to its pid: it sends what it buffered and exits
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
            Processes.forgetOnExit(killOnExit);
            synchronized (outputs) {
                outputs.add(output());
            }
        }
    }

    /** A copy of {@code user}'s client properties with {@code line} appended (a later line wins). */
    private static Path propertiesOf(String user, String name, String line) throws IOException {
        Path file = runDir.resolve(name + ".properties");
        Files.writeString(file, Files.readString(kafka.clientPropertiesFile(user)) + line + "\n");
        return file;
    }

    @Test
    void givenTheProducersCredentials_whenProducing_thenMemLoadRecordsArriveAndTheJaasConfigIsHidden()
            throws Exception {
        // every producer of this class has the same host: count only what this one measured
        long startedAt = System.currentTimeMillis();
        try (TopicRecorder recorder = new TopicRecorder(kafka.clientConfig("admin"), Servers.TOPICS);
                ProducerProcess producer = new ProducerProcess("producer", kafka.clientPropertiesFile("producer"))) {
            Await.until(
                    EXIT_DEADLINE,
                    "3 memLoad records of " + HOST + " through SASL_SSL",
                    () -> recorder.received("memLoad").stream()
                                    .filter(received -> HOST.equals(received.key()))
                                    .filter(received -> received.sample().timestampMillis() >= startedAt)
                                    .count()
                            >= 3);

            assertThat(producer.isAlive()).as(producer.output()).isTrue();
            assertThat(recorder.malformed()).isEmpty();
            assertThat(producer.output())
                    .contains("sasl.jaas.config=(hidden)", "security.protocol=SASL_SSL")
                    .doesNotContain("not authorized", "refused the credentials", "TLS handshake", "exiting with code");
        }
    }

    @Test
    void givenAWrongPassword_whenProducing_thenOneLineSaysTheCredentialsWereRefusedAndTheExitCodeIs3()
            throws Exception {
        Path wrong = propertiesOf(
                "producer",
                "wrong-password",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"producer\" password=\"not-the-password\";");

        try (ProducerProcess producer = new ProducerProcess("wrong-password", wrong)) {
            String output = assertRefusedInOneLine(
                    producer, "refused the credentials", "check the user name and password of sasl.jaas.config");
            assertThat(output).doesNotContain("not-the-password");
        }
    }

    @Test
    void givenThePrincipalOfTheViewThatMayOnlyRead_whenProducing_thenOneLineNamesMemLoadAndWriteAndTheExitCodeIs3()
            throws Exception {
        try (ProducerProcess producer = new ProducerProcess("view", kafka.clientPropertiesFile("view"))) {
            assertRefusedInOneLine(producer, "not authorized to WRITE topic memLoad");
        }
    }

    /**
     * The producer exits with code 3 within {@link #CLEAR_ERROR_WITHIN}, saying so in exactly one
     * line that holds every {@code expected} text, with no stack trace; returns all it printed.
     */
    private static String assertRefusedInOneLine(ProducerProcess producer, String... expected) throws Exception {
        int code = producer.awaitExit();
        String output = producer.output();
        assertThat(code).as(output).isEqualTo(ProducerApp.EXIT_KAFKA_REFUSED);
        assertThat(producer.ran()).isLessThan(CLEAR_ERROR_WITHIN);
        assertThat(output.lines().filter(line -> line.contains("exiting with code 3")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains(expected));
        assertThat(output).doesNotContain("\tat ");
        return output;
    }

    @Test
    void givenEveryRunOfThisClass_whenItsOutputsAndTheBrokersLogsAreSearched_thenNoSecretIsFound() throws Exception {
        // runs last or not: it runs a producer of its own, so there is always output to search
        long startedAt = System.currentTimeMillis();
        try (TopicRecorder recorder = new TopicRecorder(kafka.clientConfig("admin"), List.of("memLoad"));
                ProducerProcess producer = new ProducerProcess("secrets", kafka.clientPropertiesFile("producer"))) {
            Await.until(
                    EXIT_DEADLINE,
                    "a memLoad record",
                    () -> !recorder.samplesSince("memLoad", startedAt).isEmpty());
        }
        List<String> texts = new ArrayList<>();
        synchronized (outputs) {
            texts.addAll(outputs);
        }
        texts.addAll(kafka.logs());

        assertThat(kafka.logs()).as("the broker's logs").isNotEmpty();
        assertThat(kafka.secrets())
                .hasSize(7)
                .allSatisfy(secret -> assertThat(secret).hasSize(32));
        for (String secret : kafka.secrets()) {
            assertThat(texts).noneMatch(text -> text.contains(secret));
        }
    }
}
